package duban.engine;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A SolrCloud cluster on 127.0.0.1 for Duban: an embedded ZooKeeper and N Solr nodes in this
 * JVM (solr-test-framework's MiniSolrCloudCluster), the configset of {@code configset/}
 * uploaded as {@code duban}, and one collection per record kind ({@code duban_documents},
 * {@code duban_obligations}) of S shards each.
 *
 * <p>It prints {@code solr-url <base URL of node 1>} on stdout once every shard is active,
 * then serves until its standard input closes or it receives SIGTERM, and removes its work
 * folder when it stops. It is for tests and trials on one machine, not for production, where
 * Solr runs as its own service.
 *
 * <p>Usage: {@code SolrCluster CONFIGSET_DIR WORK_DIR [NODES] [SHARDS]}.
 */
public final class SolrCluster {
  private static final String[] COLLECTIONS = {"duban_documents", "duban_obligations"};

  private SolrCluster() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SolrCluster CONFIGSET_DIR WORK_DIR [NODES] [SHARDS]");
      System.exit(2);
    }
    Path configset = Paths.get(args[0]).toAbsolutePath();
    Path work = Paths.get(args[1]).toAbsolutePath();
    int nodes = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int shards = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    Files.createDirectories(work);
    long started = System.nanoTime();
    MiniSolrCloudCluster cluster =
        new MiniSolrCloudCluster.Builder(nodes, work)
            .withJettyConfig(b -> b.setPort(0))
            .addConfig("duban", configset)
            .build();
    Thread stopper = new Thread(() -> stop(cluster), "duban-solr-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    for (String name : COLLECTIONS) {
      CollectionAdminRequest.createCollection(name, "duban", shards, 1)
          .process(cluster.getSolrClient());
      cluster.waitForActiveCollection(name, 60, TimeUnit.SECONDS, shards, shards);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.println("solr-url " + cluster.getJettySolrRunner(0).getBaseUrl());
    for (int i = 1; i < nodes; i++) {
      System.out.println("solr-node " + cluster.getJettySolrRunner(i).getBaseUrl());
    }
    System.out.printf("solr-ready %d nodes, %d shards per collection, %.1f s%n", nodes, shards, seconds);
    System.out.flush();
    // Serve until whoever started us closes our standard input (or ends us with SIGTERM,
    // which runs the shutdown hook).
    InputStream in = System.in;
    byte[] buf = new byte[256];
    while (in.read(buf) >= 0) {
      // Input is ignored: only its end matters.
    }
    System.exit(0);
  }

  private static void stop(MiniSolrCloudCluster cluster) {
    try {
      cluster.shutdown();
    } catch (Exception e) {
      System.err.println("duban-solr: stopping the cluster: " + e);
    }
  }
}
