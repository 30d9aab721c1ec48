/*
 * frametool: raw Ethernet frames for the forbidden-traffic tests.
 *
 *   frametool send IFACE KIND TAG [--smac M] [--dmac M] [--sip A] [--dip A]
 *                  [--sip6 A] [--dip6 A] [--count N]
 *   frametool recv IFACE OUTFILE
 *
 * `send` builds one frame of KIND (see kinds[] below) and sends it COUNT
 * times through an AF_PACKET socket; every frame carries the marker
 * "IXPT:TAG;" after its headers. `recv` writes the TAG of every frame that
 * arrives on IFACE to OUTFILE, one per line, until it is terminated.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <linux/if_packet.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef ETH_P_ALL
#define ETH_P_ALL 0x0003
#endif
#ifndef PACKET_IGNORE_OUTGOING
#define PACKET_IGNORE_OUTGOING 23
#endif

struct opts {
	uint8_t		 smac[6], dmac[6];
	uint8_t		 sip[4], dip[4];
	uint8_t		 sip6[16], dip6[16];
	unsigned	 count;
	const char	*tag;
};

struct frame {
	uint8_t		 b[1514];
	size_t		 n;
};

static void
put(struct frame *f, const void *p, size_t n)
{
	if (f->n + n > sizeof(f->b)) {
		fprintf(stderr, "frametool: frame too long\n");
		exit(2);
	}
	memcpy(f->b + f->n, p, n);
	f->n += n;
}

static void
put8(struct frame *f, unsigned v)
{
	uint8_t b = (uint8_t)v;

	put(f, &b, 1);
}

static void
put16(struct frame *f, unsigned v)
{
	put8(f, v >> 8);
	put8(f, v);
}

static void
marker(struct frame *f, const struct opts *o)
{
	char m[80];
	int n = snprintf(m, sizeof(m), "IXPT:%s;", o->tag);

	put(f, m, (size_t)n);
}

static void
eth(struct frame *f, const uint8_t *dst, const uint8_t *src, unsigned type)
{
	put(f, dst, 6);
	put(f, src, 6);
	put16(f, type);
}

static uint16_t
csum(const uint8_t *p, size_t n, uint32_t sum)
{
	for (size_t i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		sum += (uint32_t)p[n - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* IPv4 header with `proto`; payload follows (length patched by ip4_done). */
static size_t
ip4(struct frame *f, const uint8_t *src, const uint8_t *dst, unsigned proto)
{
	size_t start = f->n;

	put8(f, 0x45); put8(f, 0); put16(f, 0);	/* length patched later */
	put16(f, 1); put16(f, 0);
	put8(f, 64); put8(f, proto); put16(f, 0);
	put(f, src, 4);
	put(f, dst, 4);
	return start;
}

static void
ip4_done(struct frame *f, size_t start)
{
	uint16_t len = (uint16_t)(f->n - start), c;

	f->b[start + 2] = (uint8_t)(len >> 8);
	f->b[start + 3] = (uint8_t)len;
	c = csum(f->b + start, 20, 0);
	f->b[start + 10] = (uint8_t)(c >> 8);
	f->b[start + 11] = (uint8_t)c;
}

static size_t
ip6(struct frame *f, const uint8_t *src, const uint8_t *dst, unsigned nh)
{
	size_t start = f->n;

	put8(f, 0x60); put8(f, 0); put16(f, 0);
	put16(f, 0);				/* payload length patched later */
	put8(f, nh); put8(f, 255);
	put(f, src, 16);
	put(f, dst, 16);
	return start;
}

static void
ip6_done(struct frame *f, size_t start)
{
	uint16_t len = (uint16_t)(f->n - start - 40);

	f->b[start + 4] = (uint8_t)(len >> 8);
	f->b[start + 5] = (uint8_t)len;
}

static void
udp(struct frame *f, unsigned sport, unsigned dport, const struct opts *o)
{
	size_t start = f->n;
	uint16_t len;

	put16(f, sport); put16(f, dport); put16(f, 0); put16(f, 0);
	marker(f, o);
	len = (uint16_t)(f->n - start);
	f->b[start + 4] = (uint8_t)(len >> 8);
	f->b[start + 5] = (uint8_t)len;
}

static void
arp(struct frame *f, unsigned op, const uint8_t *smac, const uint8_t *sip,
    const uint8_t *tip, const struct opts *o)
{
	static const uint8_t zero[6];

	put16(f, 1); put16(f, 0x0800); put8(f, 6); put8(f, 4); put16(f, op);
	put(f, smac, 6);
	put(f, sip, 4);
	put(f, zero, 6);
	put(f, tip, 4);
	marker(f, o);
}

static void
icmp6(struct frame *f, unsigned type, const uint8_t *target, const struct opts *o)
{
	put8(f, type); put8(f, 0); put16(f, 0);
	put16(f, 0); put16(f, 0);		/* flags / reserved */
	if (target != NULL)
		put(f, target, 16);
	marker(f, o);
}

static void
build(const char *kind, const struct opts *o, struct frame *f)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const uint8_t stp[6] = { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x00 };
	static const uint8_t cdp[6] = { 0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcc };
	static const uint8_t lldp[6] = { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x0e };
	static const uint8_t allnodes_mac[6] = { 0x33, 0x33, 0, 0, 0, 1 };
	static const uint8_t foreign[6] = { 0x02, 0xde, 0xad, 0xbe, 0xef, 0x01 };
	static const uint8_t v4bcast[4] = { 255, 255, 255, 255 };
	static const uint8_t v4rip[4] = { 224, 0, 0, 9 };
	uint8_t allnodes[16] = { 0xff, 0x02 }, snm[16] = { 0xff, 0x02 }, snm_mac[6];
	size_t s, lenpos;

	allnodes[15] = 1;
	snm[11] = 1; snm[12] = 0xff;
	memcpy(snm + 13, o->dip6 + 13, 3);
	snm_mac[0] = 0x33; snm_mac[1] = 0x33; snm_mac[2] = 0xff;
	memcpy(snm_mac + 3, o->dip6 + 13, 3);
	f->n = 0;

	if (!strcmp(kind, "stp")) {			/* 802.3 + LLC BPDU */
		put(f, stp, 6); put(f, o->smac, 6); lenpos = f->n; put16(f, 0);
		put8(f, 0x42); put8(f, 0x42); put8(f, 0x03);
		for (int i = 0; i < 35; i++)
			put8(f, 0);
		marker(f, o);
		f->b[lenpos] = (uint8_t)((f->n - 14) >> 8);
		f->b[lenpos + 1] = (uint8_t)(f->n - 14);
	} else if (!strcmp(kind, "cdp")) {		/* 802.3 + LLC/SNAP */
		put(f, cdp, 6); put(f, o->smac, 6); lenpos = f->n; put16(f, 0);
		put8(f, 0xaa); put8(f, 0xaa); put8(f, 0x03);
		put8(f, 0x00); put8(f, 0x00); put8(f, 0x0c); put16(f, 0x2000);
		marker(f, o);
		f->b[lenpos] = (uint8_t)((f->n - 14) >> 8);
		f->b[lenpos + 1] = (uint8_t)(f->n - 14);
	} else if (!strcmp(kind, "lldp")) {
		eth(f, lldp, o->smac, 0x88cc);
		marker(f, o);
	} else if (!strcmp(kind, "ethertype")) {	/* local experimental */
		eth(f, o->dmac, o->smac, 0x88b5);
		marker(f, o);
	} else if (!strcmp(kind, "vlan")) {		/* 802.1Q, IPv4 inside */
		eth(f, o->dmac, o->smac, 0x8100);
		put16(f, 100); put16(f, 0x0800);
		s = ip4(f, o->sip, o->dip, 17); udp(f, 9, 9, o); ip4_done(f, s);
	} else if (!strcmp(kind, "bcast_ipv4")) {
		eth(f, bcast, o->smac, 0x0800);
		s = ip4(f, o->sip, v4bcast, 17); udp(f, 9, 9, o); ip4_done(f, s);
	} else if (!strcmp(kind, "bcast_ipv6")) {	/* IPv6 to the broadcast MAC */
		eth(f, bcast, o->smac, 0x86dd);
		s = ip6(f, o->sip6, o->dip6, 17); udp(f, 9, 9, o); ip6_done(f, s);
	} else if (!strcmp(kind, "mcast_ipv6")) {	/* ICMPv6 echo to ff02::1 */
		eth(f, allnodes_mac, o->smac, 0x86dd);
		s = ip6(f, o->sip6, allnodes, 58); icmp6(f, 128, NULL, o); ip6_done(f, s);
	} else if (!strcmp(kind, "ra")) {		/* router advertisement, unicast */
		eth(f, o->dmac, o->smac, 0x86dd);
		s = ip6(f, o->sip6, o->dip6, 58); icmp6(f, 134, NULL, o); ip6_done(f, s);
	} else if (!strcmp(kind, "dhcp")) {		/* unicast DHCP (relay style) */
		eth(f, o->dmac, o->smac, 0x0800);
		s = ip4(f, o->sip, o->dip, 17); udp(f, 68, 67, o); ip4_done(f, s);
	} else if (!strcmp(kind, "ospf")) {		/* unicast OSPF */
		eth(f, o->dmac, o->smac, 0x0800);
		s = ip4(f, o->sip, o->dip, 89); marker(f, o); ip4_done(f, s);
	} else if (!strcmp(kind, "mcast_ipv4")) {	/* IPv4 multicast, unicast MAC */
		eth(f, o->dmac, o->smac, 0x0800);
		s = ip4(f, o->sip, v4rip, 17); udp(f, 9, 9, o); ip4_done(f, s);
	} else if (!strcmp(kind, "icmp_redirect")) {
		eth(f, o->dmac, o->smac, 0x0800);
		s = ip4(f, o->sip, o->dip, 1);
		put8(f, 5); put8(f, 1); put16(f, 0); put(f, o->sip, 4);
		marker(f, o); ip4_done(f, s);
	} else if (!strcmp(kind, "foreign_mac")) {
		eth(f, o->dmac, foreign, 0x0800);
		s = ip4(f, o->sip, o->dip, 17); udp(f, 9, 9, o); ip4_done(f, s);
	} else if (!strcmp(kind, "arp_spoof")) {	/* claims the target's address */
		eth(f, bcast, o->smac, 0x0806);
		arp(f, 2, o->smac, o->dip, o->dip, o);
	} else if (!strcmp(kind, "arp")) {		/* a normal request */
		eth(f, bcast, o->smac, 0x0806);
		arp(f, 1, o->smac, o->sip, o->dip, o);
	} else if (!strcmp(kind, "na_spoof")) {		/* advertises the target's address */
		eth(f, o->dmac, o->smac, 0x86dd);
		s = ip6(f, o->sip6, o->dip6, 58); icmp6(f, 136, o->dip6, o); ip6_done(f, s);
	} else if (!strcmp(kind, "ns")) {		/* neighbour solicitation */
		eth(f, snm_mac, o->smac, 0x86dd);
		s = ip6(f, o->sip6, snm, 58); icmp6(f, 135, o->dip6, o); ip6_done(f, s);
	} else if (!strcmp(kind, "udp4")) {
		eth(f, o->dmac, o->smac, 0x0800);
		s = ip4(f, o->sip, o->dip, 17); udp(f, 40000, 9, o); ip4_done(f, s);
	} else if (!strcmp(kind, "udp6")) {
		eth(f, o->dmac, o->smac, 0x86dd);
		s = ip6(f, o->sip6, o->dip6, 17); udp(f, 40000, 9, o); ip6_done(f, s);
	} else {
		fprintf(stderr, "frametool: unknown kind %s\n", kind);
		exit(2);
	}
	while (f->n < 60)
		put8(f, 0);
}

static int
ifindex(int fd, const char *name, uint8_t mac[6])
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	if (ioctl(fd, SIOCGIFINDEX, &ifr) != 0)
		return -1;
	if (mac != NULL) {
		int idx = ifr.ifr_ifindex;
		if (ioctl(fd, SIOCGIFHWADDR, &ifr) != 0)
			return -1;
		memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
		return idx;
	}
	return ifr.ifr_ifindex;
}

static void
parse_mac(const char *s, uint8_t out[6])
{
	unsigned v[6];

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) != 6) {
		fprintf(stderr, "frametool: bad MAC %s\n", s);
		exit(2);
	}
	for (int i = 0; i < 6; i++)
		out[i] = (uint8_t)v[i];
}

static void
parse_ip(const char *s, int af, uint8_t *out)
{
	if (inet_pton(af, s, out) != 1) {
		fprintf(stderr, "frametool: bad address %s\n", s);
		exit(2);
	}
}

static int
do_send(int argc, char **argv)
{
	struct opts o;
	struct frame f;
	struct sockaddr_ll sll;
	int fd, idx;

	memset(&o, 0, sizeof(o));
	o.count = 1;
	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	if (fd < 0) {
		perror("frametool: socket");
		return 1;
	}
	idx = ifindex(fd, argv[2], o.smac);
	if (idx < 0) {
		perror("frametool: interface");
		return 1;
	}
	o.tag = argv[4];
	for (int i = 5; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--smac"))
			parse_mac(argv[i + 1], o.smac);
		else if (!strcmp(argv[i], "--dmac"))
			parse_mac(argv[i + 1], o.dmac);
		else if (!strcmp(argv[i], "--sip"))
			parse_ip(argv[i + 1], AF_INET, o.sip);
		else if (!strcmp(argv[i], "--dip"))
			parse_ip(argv[i + 1], AF_INET, o.dip);
		else if (!strcmp(argv[i], "--sip6"))
			parse_ip(argv[i + 1], AF_INET6, o.sip6);
		else if (!strcmp(argv[i], "--dip6"))
			parse_ip(argv[i + 1], AF_INET6, o.dip6);
		else if (!strcmp(argv[i], "--count"))
			o.count = (unsigned)atoi(argv[i + 1]);
		else {
			fprintf(stderr, "frametool: unknown option %s\n", argv[i]);
			return 2;
		}
	}
	build(argv[3], &o, &f);
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_ifindex = idx;
	sll.sll_halen = 6;
	memcpy(sll.sll_addr, f.b, 6);
	for (unsigned i = 0; i < o.count; i++)
		if (sendto(fd, f.b, f.n, 0, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
			perror("frametool: sendto");
			return 1;
		}
	close(fd);
	return 0;
}

static volatile sig_atomic_t stop;

static void
on_term(int sig)
{
	(void)sig;
	stop = 1;
}

static int
do_recv(char **argv)
{
	struct sockaddr_ll sll;
	uint8_t b[2048];
	int fd, idx, one = 1;
	FILE *out = fopen(argv[3], "w");

	if (out == NULL) {
		perror(argv[3]);
		return 1;
	}
	signal(SIGTERM, on_term);
	signal(SIGINT, on_term);
	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	if (fd < 0 || (idx = ifindex(fd, argv[2], NULL)) < 0) {
		perror("frametool: recv socket");
		return 1;
	}
	setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof(one));
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = idx;
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) != 0) {
		perror("frametool: bind");
		return 1;
	}
	/* Tell the caller we are listening. */
	fprintf(out, "READY\n");
	fflush(out);
	while (!stop) {
		struct pollfd p = { fd, POLLIN, 0 };
		ssize_t n;
		if (poll(&p, 1, 200) <= 0)
			continue;
		n = recv(fd, b, sizeof(b), 0);
		if (n <= 0)
			continue;
		for (ssize_t i = 0; i + 5 < n; i++) {
			if (memcmp(b + i, "IXPT:", 5) == 0) {
				ssize_t j = i + 5;
				while (j < n && b[j] != ';' && j - i < 70)
					j++;
				fprintf(out, "%.*s\n", (int)(j - i - 5), (char *)b + i + 5);
				fflush(out);
				break;
			}
		}
	}
	fclose(out);
	close(fd);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 5 && !strcmp(argv[1], "send"))
		return do_send(argc, argv);
	if (argc == 4 && !strcmp(argv[1], "recv"))
		return do_recv(argv);
	fprintf(stderr, "usage: frametool send IFACE KIND TAG [options]\n"
	    "       frametool recv IFACE OUTFILE\n");
	return 2;
}
