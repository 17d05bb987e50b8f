/** IP protocol numbers (include/uapi/linux/in.h). */
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export type IpProto = typeof IPPROTO_TCP | typeof IPPROTO_UDP;
