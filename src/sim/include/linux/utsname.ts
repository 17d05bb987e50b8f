/** What `uname -r` says (UTS_RELEASE, include/generated/utsrelease.h). */
export const UTS_RELEASE = '6.18.0-packetpath';
