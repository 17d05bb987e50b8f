/** Ethernet frame sizes (include/uapi/linux/if_ether.h). */

/** Octets in the header: destination, source, EtherType. */
export const ETH_HLEN = 14;
/** Minimum octets in a frame, FCS not counted (shorter frames are padded). */
export const ETH_ZLEN = 60;
/** Octets in the frame check sequence. */
export const ETH_FCS_LEN = 4;

/** EtherType of IPv4 (the only one this NIC receives). */
export const ETH_P_IP = 0x0800;
