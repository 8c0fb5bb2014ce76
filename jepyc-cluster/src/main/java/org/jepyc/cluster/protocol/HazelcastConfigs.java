package org.jepyc.cluster.protocol;

import java.time.Duration;
import java.util.Map;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import org.jepyc.cluster.admin.ConnectionFile;

/**
 * The Hazelcast configuration of jepyc's members and clients, in code: TCP-IP join to the
 * connection file's addresses (multicast and auto-detection off), binding to one interface
 * (127.0.0.1 unless told otherwise), a cluster name derived from the secret, short join and
 * failure-detection timeouts, few partitions, and Hazelcast's own Java deserialisation
 * limited to an allow-list (jepyc sends only strings and byte arrays through Hazelcast).
 */
public final class HazelcastConfigs {
    /** Partitions: few, since a jepyc cluster holds little data and starts often. */
    public static final int PARTITIONS = 31;

    private HazelcastConfigs() { }

    /**
     * @param cf         the cluster
     * @param host       the interface to bind
     * @param port       the member's port
     * @param attributes member attributes
     * @return the member's configuration
     */
    public static Config member(ConnectionFile cf, String host, int port, Map<String, String> attributes) {
        Config c = new Config();
        c.setClusterName(cf.clusterName());
        c.setInstanceName("jepyc-worker-" + port);
        NetworkConfig net = c.getNetworkConfig();
        net.setPort(port).setPortAutoIncrement(false).setReuseAddress(true);
        net.getInterfaces().setEnabled(true).addInterface(host);
        net.getRestApiConfig().setEnabled(false);
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1).setMembers(cf.addresses());
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.partition.count", Integer.toString(PARTITIONS));
        c.setProperty("hazelcast.wait.seconds.before.join", "1");
        c.setProperty("hazelcast.max.wait.seconds.before.join", "2");
        c.setProperty("hazelcast.max.join.seconds", "30");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "8");
        c.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        c.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "slf4j");
        c.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
        c.setProperty("hazelcast.graceful.shutdown.max.wait", "20");
        c.setProperty("hazelcast.tcp.join.port.try.count", "1");
        attributes.forEach((k, v) -> c.getMemberAttributeConfig().setAttribute(k, v));
        c.getSerializationConfig().setJavaSerializationFilterConfig(filter());
        c.getJetConfig().setEnabled(false);
        return c;
    }

    /**
     * @param cf             the cluster
     * @param connectTimeout how long one connection attempt may take
     * @return a client's configuration
     */
    public static ClientConfig client(ConnectionFile cf, Duration connectTimeout) {
        ClientConfig c = new ClientConfig();
        c.setClusterName(cf.clusterName());
        c.setInstanceName("jepyc-client-" + java.util.UUID.randomUUID());
        c.getNetworkConfig().setAddresses(new java.util.ArrayList<>(cf.addresses())).setSmartRouting(true)
                .setConnectionTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(500, connectTimeout.toMillis())));
        ClientConnectionStrategyConfig s = c.getConnectionStrategyConfig();
        s.setAsyncStart(false).setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ON);
        s.getConnectionRetryConfig().setClusterConnectTimeoutMillis(connectTimeout.toMillis())
                .setInitialBackoffMillis(100).setMaxBackoffMillis(1000).setMultiplier(1.5);
        c.setProperty("hazelcast.logging.type", "slf4j");
        c.setProperty("hazelcast.client.statistics.enabled", "false");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.client.shuffle.member.list", "false");
        c.getSerializationConfig().setJavaSerializationFilterConfig(filter());
        return c;
    }

    private static JavaSerializationFilterConfig filter() {
        return new JavaSerializationFilterConfig().setDefaultsDisabled(false)
                .setWhitelist(new ClassFilter().addPrefixes("org.jepyc.", "java.lang.", "java.util.", "java.time."));
    }
}
