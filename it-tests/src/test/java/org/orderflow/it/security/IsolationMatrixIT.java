package org.orderflow.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Deployments;
import org.orderflow.it.support.EventsTable;
import org.orderflow.it.support.Metrics;
import org.orderflow.it.support.Tokens;

/**
 * Every operation of the deployed application (read from its own OpenAPI document, so a new
 * endpoint is in the matrix the moment it exists) × every kind of caller that must be refused:
 * no token, an expired one, a forged one, one without the operation's role, one of another tenant
 * that claims this tenant in X-Tenant-ID, and one of another tenant naming this tenant's order or
 * product. And the caller with exactly the operation's role gets through, so the matrix cannot
 * pass by refusing everyone. An operation missing from {@link #RULES} fails the build: a new
 * endpoint states its roles here and in its resource.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IsolationMatrixIT {

    private static final String READER = "reader";
    private static final String WRITER = "order-writer";
    private static final String CATALOGUE = "catalogue-manager";
    private static final String OPERATOR = "operator";
    private static final String PLATFORM = "platform-operator";

    /** Who may call what: any one of the roles. */
    private static final Map<String, Set<String>> RULES = Map.ofEntries(
            Map.entry("createOrder", Set.of(WRITER)), Map.entry("addOrderItem", Set.of(WRITER)),
            Map.entry("removeOrderItem", Set.of(WRITER)), Map.entry("reserveOrderInventory", Set.of(WRITER)),
            Map.entry("processOrderPayment", Set.of(WRITER)), Map.entry("confirmOrder", Set.of(WRITER)),
            Map.entry("cancelOrder", Set.of(WRITER)),
            Map.entry("getOrder", Set.of(READER, OPERATOR, PLATFORM)),
            Map.entry("listOrderEvents", Set.of(READER, OPERATOR, PLATFORM)),
            Map.entry("listOrders", Set.of(READER)),
            Map.entry("createProduct", Set.of(CATALOGUE)), Map.entry("updateProductPrice", Set.of(CATALOGUE)),
            Map.entry("deleteProduct", Set.of(CATALOGUE)),
            Map.entry("getProduct", Set.of(READER, OPERATOR, PLATFORM)),
            Map.entry("listProductEvents", Set.of(READER, OPERATOR, PLATFORM)),
            Map.entry("listProducts", Set.of(READER)),
            Map.entry("listProjections", Set.of(OPERATOR, PLATFORM)), Map.entry("listRebuilds", Set.of(OPERATOR, PLATFORM)),
            Map.entry("getRebuild", Set.of(OPERATOR, PLATFORM)), Map.entry("rebuildProjection", Set.of(PLATFORM)),
            Map.entry("cancelRebuild", Set.of(PLATFORM)),
            Map.entry("listProjectionErrors", Set.of(OPERATOR, PLATFORM)),
            Map.entry("retryProjectionError", Set.of(OPERATOR, PLATFORM)),
            Map.entry("skipProjectionError", Set.of(OPERATOR, PLATFORM)),
            Map.entry("retryDeadProjectionErrors", Set.of(PLATFORM)),
            Map.entry("listOperatorActions", Set.of(OPERATOR, PLATFORM)),
            Map.entry("getOutboxStatus", Set.of(OPERATOR, PLATFORM)),
            Map.entry("listDeadLetters", Set.of(OPERATOR, PLATFORM)), Map.entry("replayDeadLetter", Set.of(OPERATOR, PLATFORM)),
            Map.entry("purgeDeadLetter", Set.of(OPERATOR, PLATFORM)), Map.entry("replayDeadLetters", Set.of(PLATFORM)),
            Map.entry("purgeDeadLetters", Set.of(PLATFORM)),
            Map.entry("getSnapshotStats", Set.of(OPERATOR, PLATFORM)), Map.entry("deleteSnapshots", Set.of(PLATFORM)),
            Map.entry("runReplayCheck", Set.of(PLATFORM)), Map.entry("getLogWatermark", Set.of(PLATFORM)),
            Map.entry("checkoutOrder", Set.of(WRITER)),
            Map.entry("receiveProductStock", Set.of(CATALOGUE)),
            Map.entry("listCheckouts", Set.of(OPERATOR, PLATFORM)), Map.entry("retryCheckout", Set.of(OPERATOR, PLATFORM)),
            Map.entry("abortCheckout", Set.of(OPERATOR, PLATFORM)),
            Map.entry("listCorrelatedEvents", Set.of(OPERATOR, PLATFORM)));

    /** A valid body for each operation that takes one, so that what answers is the check under test, not validation. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("createOrder", "{\"order\":{\"customer_name\":\"matrix\"}}"),
            Map.entry("addOrderItem", "{\"order_item\":{\"product_name\":\"p\",\"quantity\":1,\"unit_price_cents\":5}}"),
            Map.entry("removeOrderItem", "{\"order_item\":{\"line_id\":\"" + UUID.randomUUID() + "\"}}"),
            Map.entry("reserveOrderInventory", "{\"reservation\":{\"reservation_id\":\"R-1\"}}"),
            Map.entry("processOrderPayment", "{\"payment\":{\"payment_id\":\"P-1\",\"amount_cents\":5}}"),
            Map.entry("cancelOrder", "{\"cancellation\":{\"reason\":\"matrix\"}}"),
            Map.entry("createProduct", "{\"product\":{\"name\":\"matrix\",\"price_cents\":100,\"category_id\":\"c\"}}"),
            Map.entry("updateProductPrice", "{\"product\":{\"price_cents\":99}}"),
            Map.entry("skipProjectionError", "{\"skip\":{\"reason\":\"matrix\"}}"),
            Map.entry("receiveProductStock", "{\"stock\":{\"quantity\":3}}"),
            Map.entry("abortCheckout", "{\"abort\":{\"reason\":\"matrix\"}}"));

    private final String victim = "victim-" + UUID.randomUUID().toString().substring(0, 8);
    private final Api owner = Api.client().asTenant(victim).withoutReadYourWrites();

    /** One operation of the OpenAPI document. */
    record Operation(String id, String method, String path, boolean hasBody) {
        @Override
        public String toString() {
            return id + " (" + method + " " + path + ")";
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    @Test
    void every_operation_refuses_every_caller_without_the_right_token_and_admits_the_right_one() throws Exception {
        List<Operation> operations = operations();
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(30);
        assertThat(operations).extracting(Operation::id).as("operations without a rule in this matrix (a new "
                + "endpoint: declare its roles here and with @RolesAllowed)").allMatch(RULES::containsKey);
        assertThat(RULES.keySet()).as("rules of operations the application no longer has")
                .allMatch(id -> operations.stream().anyMatch(o -> o.id().equals(id)));

        String order = owner.post("/orders", "{\"order\":{\"customer_name\":\"matrix\"}}").text("order_id");
        String product = owner.post("/products", "{\"product\":{\"name\":\"matrix\",\"price_cents\":100,\"category_id\":\"c\"}}")
                .text("product_id");
        assertThat(order).isNotBlank();
        assertThat(product).isNotBlank();

        String server = owner.server();
        String intruderTenant = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Api> refusedWith401 = Map.of(
                "no token", owner.withoutToken(),
                "expired token", owner.withToken(Tokens.expired(server, "it-user", victim, Tokens.ALL_ROLES)),
                "forged token", owner.withToken(Tokens.forged("it-user", victim, Tokens.ALL_ROLES)),
                "garbage token", owner.withToken("not.a.token"));
        Api intruder = Api.client().asTenant(intruderTenant).asUser("intruder").withoutReadYourWrites();

        SoftAssertions softly = new SoftAssertions();
        int requests = 0;
        for (Operation operation : operations) {
            Set<String> allowed = RULES.get(operation.id());
            String path = fill(operation, operation.path().startsWith("/ops/") ? null : operation.path().contains("/products/")
                    ? product : order);

            for (Map.Entry<String, Api> caller : refusedWith401.entrySet()) {
                Reply reply = send(caller.getValue(), operation, path);
                requests++;
                softly.assertThat(reply.status()).as(operation + " with " + caller.getKey() + ": " + reply).isEqualTo(401);
                softly.assertThat(reply.contentType()).as(operation + " with " + caller.getKey()).startsWith("application/problem+json");
            }

            List<String> otherRoles = new ArrayList<>(Tokens.ALL_ROLES);
            otherRoles.removeAll(allowed);
            Reply wrongRole = send(owner.withRoles(otherRoles.toArray(String[]::new)), operation, path);
            requests++;
            softly.assertThat(wrongRole.status()).as(operation + " without its role: " + wrongRole).isEqualTo(403);
            softly.assertThat(wrongRole.contentType()).as(operation + " without its role").startsWith("application/problem+json");

            Reply claimsVictim = send(intruder.with("X-Tenant-ID", victim), operation, path);
            requests++;
            softly.assertThat(claimsVictim.status()).as(operation + " by another tenant claiming this one: " + claimsVictim)
                    .isEqualTo(403);

            if (path.contains(order) || path.contains(product)) {
                Reply foreign = send(intruder, operation, path);
                requests++;
                softly.assertThat(foreign.status()).as(operation + " by another tenant on this tenant's resource: " + foreign)
                        .isEqualTo(404);
            }

            Reply admitted = send(owner.withRoles(allowed.toArray(String[]::new)), operation, path);
            requests++;
            softly.assertThat(admitted.status()).as(operation + " with exactly its role: " + admitted).isNotIn(401, 403);
        }
        System.out.printf("isolation matrix: %d operations, %d requests%n", operations.size(), requests);
        softly.assertAll();
    }

    @Test
    void the_token_says_who_calls_headers_that_disagree_are_refused_and_events_record_the_token_user() {
        Api alice = owner.asUser("alice");

        Reply impostor = alice.with("X-User-ID", "mallory").post("/orders", "{\"order\":{\"customer_name\":\"x\"}}");
        Reply agreeing = alice.with("X-User-ID", "alice").with("X-Tenant-ID", victim)
                .post("/orders", "{\"order\":{\"customer_name\":\"x\"}}");
        Reply noTenant = owner.asTenant(null).get("/orders");

        assertThat(impostor.status()).isEqualTo(403);
        assertThat(impostor.text("type")).isEqualTo("/problems/header-disagrees-with-token");
        assertThat(agreeing.status()).as(agreeing.toString()).isEqualTo(201);
        assertThat(EventsTable.stream(agreeing.text("order_id"))).singleElement()
                .satisfies(event -> assertThat(event).containsEntry("user_id", "alice").containsEntry("tenant_id", victim));
        assertThat(noTenant.status()).as("a token without a tenant reads no tenant's data").isEqualTo(403);
        assertThat(noTenant.contentType()).startsWith("application/problem+json");
    }

    @Test
    void metrics_are_for_operators_over_https_only() {
        int anonymous = Metrics.read(Metrics.HTTPS_PORT, null, "scope=base").statusCode();
        int forged = Metrics.read(Metrics.HTTPS_PORT, "Bearer " + Tokens.forged("it-user", victim, Tokens.ALL_ROLES),
                "scope=base").statusCode();
        int reader = Metrics.read(Metrics.HTTPS_PORT, owner.withRoles("reader", "order-writer").authorization(),
                "scope=base").statusCode();
        var operator = Metrics.read(Metrics.HTTPS_PORT, owner.withRoles("operator").authorization(), "scope=base");
        int plainHttp = owner.withRoles("operator").getAbsolute("/metrics?scope=base").status();

        assertThat(anonymous).isEqualTo(401);
        assertThat(forged).isEqualTo(401);
        assertThat(reader).as("a token without an operator role").isEqualTo(403);
        assertThat(operator.statusCode()).as(operator.body()).isEqualTo(200);
        assertThat(operator.body()).contains("memory_usedHeap_bytes");
        assertThat(plainHttp).as("HTTP is redirected to HTTPS, never answered with the metrics").isNotEqualTo(200);
    }

    /** Path parameters: this tenant's order or product, and ids that name nothing for the operator endpoints. */
    private static String fill(Operation operation, String resourceId) {
        String path = operation.path();
        path = path.replace("{id}", resourceId != null ? resourceId : "999999999");
        path = path.replace("{name}", "no-such-projector").replace("{job}", "999999999")
                .replace("{streamType}", "NoSuchType").replace("{messageId}", "ID:0000")
                .replace("{correlationId}", "no-such-correlation");
        assertThat(path).as("a path parameter the matrix cannot fill in " + operation).doesNotContain("{");
        return path;
    }

    private static Reply send(Api client, Operation operation, String path) {
        return switch (operation.method()) {
            case "GET" -> client.get(path);
            case "DELETE" -> client.delete(path);
            case "POST" -> operation.hasBody() ? client.post(path, BODIES.getOrDefault(operation.id(), "{}")) : client.post(path);
            default -> throw new AssertionError("no method " + operation.method() + " in the matrix");
        };
    }

    /** The application's operations, from the OpenAPI document it serves; paths relative to the API. */
    private List<Operation> operations() throws Exception {
        JsonNode document = new ObjectMapper().readTree(owner.getAbsolute("/openapi?format=JSON").response().body());
        Set<Operation> operations = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String relative = path.getKey().replaceFirst("^/orderflow/api", "");
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                operations.add(new Operation(method.getValue().path("operationId").asText("(no operationId)"),
                        method.getKey().toUpperCase(), relative, method.getValue().has("requestBody")));
            }
        }
        return List.copyOf(operations);
    }
}
