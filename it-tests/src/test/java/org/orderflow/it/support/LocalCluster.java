package org.orderflow.it.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Several servers of the real WAR and server.xml, each a {@link OwnServer} with its own ports and
 * node name, on one database and one Artemis broker (jms.provider=artemis), their read models split
 * into segments: the topology of README "Running several servers". The first server's development
 * issuer signs the tokens that every server accepts.
 */
public final class LocalCluster {

    private final ArtemisBroker broker;
    private final List<OwnServer> servers = new ArrayList<>();

    private LocalCluster(ArtemisBroker broker) {
        this.broker = broker;
    }

    /**
     * Creates the servers afresh (an empty database) and an empty broker; starts nothing.
     *
     * @param ports     each server's HTTP port (see {@link OwnServer#create} for the others)
     * @param variables further server variables of every server
     */
    public static LocalCluster create(String name, int[] ports, String database, int brokerPort, Map<String, String> variables)
            throws Exception {
        LocalCluster cluster = new LocalCluster(new ArtemisBroker(brokerPort));
        cluster.broker.clean();
        for (int i = 0; i < ports.length; i++) {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("jms.provider", "artemis");
            all.put("artemis.port", Integer.toString(brokerPort));
            all.put("orderflow.node.name", "cluster-" + (i + 1));
            all.put("orderflow.projections.segments", "4");
            all.put("orderflow.projections.fulfilment.segments", "1");
            all.put("jwt.jwks.uri", "http://127.0.0.1:" + ports[0] + "/orderflow/dev/jwks");
            all.putAll(variables);
            cluster.servers.add(OwnServer.create(name + "-" + (i + 1), ports[i], database, all));
        }
        return cluster;
    }

    /** Starts the broker and the first {@code count} servers: the first alone (it creates the schema), then the others at once. */
    public void start(int count) throws Exception {
        broker.start();
        servers.get(0).start();
        startAtOnce(servers.subList(1, count));
    }

    /** Starts the servers in parallel and waits until each is ready. */
    public static void startAtOnce(List<OwnServer> some) throws Exception {
        List<CompletableFuture<Void>> starts = some.stream().map(server -> CompletableFuture.runAsync(() -> {
            try {
                server.start();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        })).toList();
        for (CompletableFuture<Void> start : starts) {
            start.get(); // a failure to start fails here, with its cause
        }
    }

    public void stop() throws Exception {
        for (OwnServer server : servers) {
            server.stop();
        }
        broker.stop();
    }

    public ArtemisBroker broker() {
        return broker;
    }

    public List<OwnServer> servers() {
        return servers;
    }

    public OwnServer server(int index) {
        return servers.get(index);
    }

    /** The server whose node name is {@code cluster-N}. */
    public OwnServer named(String node) {
        return servers.get(Integer.parseInt(node.substring("cluster-".length())) - 1);
    }

    /** A token of the first server's development issuer, which every server accepts. */
    public String authorization() {
        return servers.get(0).authorization();
    }
}
