package nl.afsprakenwiki.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashingTest {

    @Test
    void theStandardIsArgon2idWithOwaspsParametersAndASaltPerHash() {
        String hash = PasswordHashing.STANDARD.hash("lente-kanaal-fietsbel");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("lente");
        assertThat(PasswordHashing.STANDARD.hash("lente-kanaal-fietsbel")).as("a new salt every time").isNotEqualTo(hash);
        assertThat(PasswordHashing.STANDARD.matches("lente-kanaal-fietsbel", hash)).isTrue();
        assertThat(PasswordHashing.STANDARD.matches("lente-kanaal-fietsbel ", hash)).isFalse();
    }

    @Test
    void aCheckReadsTheParametersFromTheStoredHashSoTheCostCanChangeLater() {
        String light = PasswordHashing.LIGHT.hash("kruidenthee-zeilboot-fietsbel");
        assertThat(light).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(PasswordHashing.STANDARD.matches("kruidenthee-zeilboot-fietsbel", light)).isTrue();
        String standard = PasswordHashing.STANDARD.hash("kruidenthee-zeilboot-fietsbel");
        assertThat(PasswordHashing.LIGHT.matches("kruidenthee-zeilboot-fietsbel", standard)).isTrue();
        assertThat(PasswordHashing.LIGHT.matches("kruidenthee-zeilboot-fietsbe", standard)).isFalse();
    }

    @Test
    void aMissingOrDamagedHashNeverMatches() {
        assertThat(PasswordHashing.STANDARD.matches("iets", null)).isFalse();
        assertThat(PasswordHashing.STANDARD.matches(null, PasswordHashing.LIGHT.hash("iets-langers-dan-dit"))).isFalse();
        assertThat(PasswordHashing.STANDARD.matches("iets", "$argon2id$v=19$m=64,t=1,p=1$kapot")).isFalse();
        assertThat(PasswordHashing.STANDARD.matches("iets", "geen hash")).isFalse();
        PasswordHashing.STANDARD.waste(null);
    }
}
