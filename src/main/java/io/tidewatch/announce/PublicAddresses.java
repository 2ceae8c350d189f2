package io.tidewatch.announce;

import com.google.common.net.InetAddresses;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whether an address is on the public internet: not loopback, private (RFC 1918, IPv6 unique local),
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unspecified, multicast or
 * reserved. IPv6 addresses that carry an IPv4 address (compatible, 6to4, Teredo, NAT64; the JDK turns
 * mapped ones into IPv4 itself) are judged by the IPv4 address inside.
 */
final class PublicAddresses {
    private PublicAddresses() {}

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) return false;
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff, b1 = b[1] & 0xff, b2 = b[2] & 0xff;
            if (b0 == 0) return false;                            // 0.0.0.0/8 "this network"
            if (b0 == 100 && (b1 & 0xc0) == 64) return false;     // 100.64.0.0/10 carrier-grade NAT
            if (b0 == 192 && b1 == 0 && b2 == 0) return false;    // 192.0.0.0/24 protocol assignments
            if (b0 == 198 && (b1 == 18 || b1 == 19)) return false; // 198.18.0.0/15 benchmarking
            return b0 < 240;                                      // 240.0.0.0/4 reserved, broadcast
        }
        if (a instanceof Inet6Address six) {
            if ((b[0] & 0xfe) == 0xfc) return false;              // fc00::/7 unique local
            if (InetAddresses.hasEmbeddedIPv4ClientAddress(six)) {
                return isPublic(InetAddresses.getEmbeddedIPv4ClientAddress(six));
            }
            if (isNat64(b)) {
                return isPublic(InetAddresses.fromInteger((b[12] & 0xff) << 24 | (b[13] & 0xff) << 16 | (b[14] & 0xff) << 8 | b[15] & 0xff));
            }
        }
        return true;
    }

    /** 64:ff9b::/96, the well-known NAT64 prefix. */
    private static boolean isNat64(byte[] b) {
        if (b[0] != 0 || b[1] != 0x64 || b[2] != (byte) 0xff || b[3] != (byte) 0x9b) return false;
        for (int i = 4; i < 12; i++) if (b[i] != 0) return false;
        return true;
    }
}
