package nl.afsprakenwiki.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressTest {

    @Test
    void ipv6IsWrittenInItsShortForm() {
        assertThat(IpAddress.normalise("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(IpAddress.normalise("[0:0:0:0:0:0:0:1]")).isEqualTo("::1");
        assertThat(IpAddress.normalise("2001:0DB8:0000:0000:0001:0000:0000:0001")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpAddress.normalise("2001:db8:0:0:1:0:0:1")).as("the first of two equal runs").isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpAddress.normalise("2001:db8:0:1:1:1:1:1")).as("one zero group stays").isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(IpAddress.normalise("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(IpAddress.normalise("fe80:0:0:0:0:0:0:1%eth0")).isEqualTo("fe80::1%eth0");
        assertThat(IpAddress.normalise("::1")).isEqualTo("::1");
    }

    @Test
    void ipv4MappedIpv6IsShownAsIpv4() {
        assertThat(IpAddress.normalise("::ffff:127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(IpAddress.normalise("0:0:0:0:0:ffff:c000:0280")).isEqualTo("192.0.2.128");
        assertThat(IpAddress.normalise("[::FFFF:10.1.2.3]")).isEqualTo("10.1.2.3");
    }

    @Test
    void ipv4StaysAndOddTextIsLeftAlone() {
        assertThat(IpAddress.normalise(" 127.0.0.1 ")).isEqualTo("127.0.0.1");
        assertThat(IpAddress.normalise("010.001.000.001")).isEqualTo("10.1.0.1");
        assertThat(IpAddress.normalise("unknown")).isEqualTo("unknown");
        assertThat(IpAddress.normalise("999.1.1.1")).isEqualTo("999.1.1.1");
        assertThat(IpAddress.normalise("1:2:3")).isEqualTo("1:2:3");
        assertThat(IpAddress.normalise("1::2::3")).isEqualTo("1::2::3");
        assertThat(IpAddress.normalise("example.org")).isEqualTo("example.org");
        assertThat(IpAddress.normalise(null)).isNull();
    }
}
