/** sizeof(struct udphdr) (include/uapi/linux/udp.h). */
export const UDP_HLEN = 8;
