# Room in the ring for a whole burst (the NIC's missed frames).
ethtool -G eth0 rx 4096
# Room in the backlog of the RPS CPU (softnet_stat column 2).
sysctl -w net.core.netdev_max_backlog=2000
