package org.orderflow.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Deployments;

/** Fail closed: an endpoint that declares no roles answers nobody, not even a caller with every role. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UndeclaredEndpointIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar().addClass(UndeclaredResource.class);
    }

    @Test
    void an_endpoint_without_roles_refuses_every_caller() {
        Reply withEveryRole = Api.client().withoutReadYourWrites().get("/undeclared");
        Reply withoutToken = Api.client().withoutReadYourWrites().withoutToken().get("/undeclared");

        assertThat(withEveryRole.status()).isEqualTo(403);
        assertThat(withEveryRole.contentType()).startsWith("application/problem+json");
        assertThat(withEveryRole.text("detail")).contains("declares no roles");
        assertThat(withEveryRole.response().body()).doesNotContain("secret");
        assertThat(withoutToken.status()).isIn(401, 403);
        assertThat(withoutToken.response().body()).doesNotContain("secret");
    }
}
