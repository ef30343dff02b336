package duban.trial;

import com.carrotsearch.randomizedtesting.RandomizedRunner;
import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import com.carrotsearch.randomizedtesting.annotations.Timeout;
import com.carrotsearch.randomizedtesting.annotations.TimeoutSuite;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.RunWith;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.MockNode;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * The OpenSearch trial of issue 17 (not used by Duban): starts NODES OpenSearch nodes in one JVM
 * on 127.0.0.1 (the test framework's MockNode, netty4 transport and HTTP), creates a two-shard
 * index with a `cjk` field, a `smartcn` field and a single-character (`standard`) field, indexes
 * five sentences and prints, for a few queries, the hits of a match (all terms), a phrase and a
 * substring (wildcard on a keyword copy), and the times to a green cluster and a green index.
 *
 * <p>Usage: {@code java -cp ... duban.trial.OpenSearchTrial [NODES]}. Data goes to a new
 * temporary folder, which is not removed.
 */
public final class OpenSearchTrial {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static String base;
  private static int nodeCount = 2;
  /** `-Dtrial.disk.check=true` keeps OpenSearch's disk watermarks (85/90/95% of the disk used). */
  private static final boolean DISK_CHECK = Boolean.getBoolean("trial.disk.check");

  private OpenSearchTrial() {}

  public static void main(String[] args) {
    if (args.length > 0) {
      nodeCount = Integer.parseInt(args[0]);
    }
    Result result = JUnitCore.runClasses(InRunner.class);
    result.getFailures().forEach(f -> System.out.println(f.getTrace()));
    System.exit(result.wasSuccessful() ? 0 : 1);
  }

  /**
   * With randomizedtesting on the class path (the test framework brings it), OpenSearch's
   * Randomness asks RandomizedContext for node ids and fails outside a RandomizedRunner, so the
   * trial runs as one randomized test.
   */
  @RunWith(RandomizedRunner.class)
  @ThreadLeakScope(ThreadLeakScope.Scope.NONE)
  @TimeoutSuite(millis = 600_000)
  public static class InRunner {
    @Test
    @Timeout(millis = 600_000)
    public void trial() throws Exception {
      runTrial();
    }
  }

  private static void runTrial() throws Exception {
    long t0 = System.nanoTime();
    Path work = Files.createTempDirectory("duban-opensearch-trial");
    List<String> seeds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int[] ports = new int[nodeCount];
    for (int i = 0; i < nodeCount; i++) {
      ports[i] = freePort();
      seeds.add("127.0.0.1:" + ports[i]);
      names.add("node-" + i);
    }
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < nodeCount; i++) {
      Settings settings = Settings.builder()
          .put("cluster.name", "duban-trial")
          .put("node.name", names.get(i))
          .put("path.home", work.resolve("home-" + i).toString())
          .put("path.data", work.resolve("data-" + i).toString())
          .put("network.host", "127.0.0.1")
          .put("transport.port", ports[i])
          .put("http.port", 0)
          .put("transport.type", "netty4")
          .put("http.type", "netty4")
          .putList("discovery.seed_hosts", seeds)
          .putList("cluster.initial_cluster_manager_nodes", names)
          // On a disk more than 90% full the default watermarks leave every shard unassigned.
          .put("cluster.routing.allocation.disk.threshold_enabled", DISK_CHECK)
          .build();
      nodes.add(new MockNode(settings,
          List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, SmartcnPlugin.class)));
    }
    // Started together: a node started alone waits discovery.initial_state_timeout (30 s) for the
    // others before its start() returns.
    List<Thread> starters = new ArrayList<>();
    for (Node node : nodes) {
      Thread starter = new Thread(() -> {
        try {
          node.start();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      starter.start();
      starters.add(starter);
    }
    for (Thread starter : starters) {
      starter.join();
    }
    HttpServerTransport http = nodes.get(0).injector().getInstance(HttpServerTransport.class);
    base = "http://" + http.boundAddress().publishAddress();
    System.out.println("http " + base);
    System.out.println(call("GET", "/_cluster/health?wait_for_nodes=" + nodeCount
        + "&wait_for_status=green&timeout=60s", null));
    System.out.printf("cluster green after %.1f s%n", seconds(t0));

    long t1 = System.nanoTime();
    System.out.println(call("PUT", "/trial", """
        {"settings":{"number_of_shards":2,"number_of_replicas":0},
         "mappings":{"properties":{
           "body":{"type":"text","analyzer":"cjk"},
           "words":{"type":"text","analyzer":"smartcn"},
           "chars":{"type":"text","analyzer":"standard"},
           "raw":{"type":"keyword"}}}}"""));
    System.out.println(call("GET", "/_cluster/health/trial?wait_for_status=green&timeout=20s", null));
    System.out.printf("index green after %.1f s%n", seconds(t1));
    System.out.println(call("GET", "/_cluster/allocation/explain",
        "{\"index\":\"trial\",\"shard\":0,\"primary\":true}"));

    String[] sentences = {
      "行政机关负责人出庭应诉率达到90%以上。",
      "区政府法制办应当于每年三月底前报告行政应诉情况。",
      "各乡镇人民政府负责本辖区的出庭工作，应诉材料由司法所审核。",
      "市场监管部门应当在五个工作日内作出处理决定。",
      "庭审结束后，负责人应当组织复盘。"
    };
    StringBuilder bulk = new StringBuilder();
    for (int i = 0; i < sentences.length; i++) {
      String s = sentences[i];
      bulk.append("{\"index\":{\"_index\":\"trial\",\"_id\":\"").append(i).append("\"}}\n");
      bulk.append(String.format(
          "{\"body\":\"%s\",\"words\":\"%s\",\"chars\":\"%s\",\"raw\":\"%s\"}%n", s, s, s, s));
    }
    String bulkAnswer = call("POST", "/_bulk?refresh=true&timeout=5s", bulk.toString());
    System.out.println("bulk " + bulkAnswer.substring(0, Math.min(200, bulkAnswer.length())));
    System.out.println("shards\n" + call("GET", "/_cat/shards/trial?h=shard,node,docs", null));

    String hits = "/trial/_search?filter_path=hits.total.value,hits.hits._id";
    for (String q : List.of("出庭应诉率", "应诉", "法制办", "负责人", "出庭", "三月底前", "庭", "率")) {
      for (String field : List.of("body", "words", "chars")) {
        String match = call("POST", hits, "{\"query\":{\"match\":{\"" + field + "\":{\"query\":\""
            + q + "\",\"operator\":\"and\"}}}}");
        String phrase = call("POST", hits,
            "{\"query\":{\"match_phrase\":{\"" + field + "\":\"" + q + "\"}}}");
        System.out.println(field + " " + q + " match " + match + " | phrase " + phrase);
      }
      System.out.println("substring " + q + " "
          + call("POST", hits, "{\"query\":{\"wildcard\":{\"raw\":\"*" + q + "*\"}}}"));
    }
    for (String analyzer : List.of("cjk", "smartcn", "standard")) {
      System.out.println(analyzer + " " + call("POST", "/trial/_analyze?filter_path=tokens.token",
          "{\"analyzer\":\"" + analyzer + "\",\"text\":\"" + sentences[0] + "\"}"));
    }
    for (Node node : nodes) {
      node.close();
    }
    System.out.printf("total %.1f s%n", seconds(t0));
  }

  private static String call(String method, String path, String body) throws Exception {
    String type = path.startsWith("/_bulk") ? "application/x-ndjson" : "application/json";
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", type)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response =
        HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return response.statusCode() + " " + response.body();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
