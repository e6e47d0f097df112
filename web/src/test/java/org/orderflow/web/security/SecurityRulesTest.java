package org.orderflow.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The development issuer is off unless switched on (the unit-test JVM switches nothing on); its
 * tokens are exercised by every IT. And the operator scope a caller's token gives.
 */
class SecurityRulesTest {

    @Test
    void off_by_default_it_offers_the_token_check_nothing_and_signs_nothing() {
        // given the unit-test JVM, which sets neither the property nor the environment variable
        // when
        boolean enabled = DevIssuer.enabled();
        // then
        assertThat(enabled).isFalse();
        assertThatThrownBy(DevIssuer::publicJwks).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DevIssuer.token("u", "tenant_id", "t", List.of("reader"), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("off");
    }

    @Test
    void a_caller_without_a_tenant_claim_works_on_no_tenant_and_a_tenant_operator_only_on_its_own() {
        // given
        Caller platform = new Caller("p", java.util.Optional.empty(), java.util.Set.of(Roles.PLATFORM_OPERATOR));
        Caller operator = new Caller("o", java.util.Optional.of("acme"), java.util.Set.of(Roles.OPERATOR));
        // when / then
        assertThat(platform.operatorScope()).isEmpty();
        assertThat(platform.mayOperateOn("anyone")).isTrue();
        assertThat(platform.tenantClaim()).as("tenant() answers 403 then: IsolationMatrixIT").isEmpty();
        assertThat(operator.operatorScope()).contains("acme");
        assertThat(operator.mayOperateOn("acme")).isTrue();
        assertThat(operator.mayOperateOn("globex")).isFalse();
    }
}
