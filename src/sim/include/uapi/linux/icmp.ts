/** ICMP types and codes (include/uapi/linux/icmp.h). */
export const ICMP_DEST_UNREACH = 3;
export const ICMP_PORT_UNREACH = 3;
