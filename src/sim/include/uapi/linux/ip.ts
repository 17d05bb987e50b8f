/** sizeof(struct iphdr) without options (include/uapi/linux/ip.h). */
export const IP_HLEN = 20;
