package duban.trial;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Lucene's SmartChineseAnalyzer offered as the `smartcn` analyzer. OpenSearch's own
 * analysis-smartcn plugin is not on Maven Central, but the Lucene jar it wraps is, at the Lucene
 * version OpenSearch 2.19 is built on (9.12.3, the same as Solr 9.10.1's).
 */
public class SmartcnPlugin extends Plugin implements AnalysisPlugin {
  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    return Map.of("smartcn", (indexSettings, environment, name, settings) ->
        new AbstractIndexAnalyzerProvider<SmartChineseAnalyzer>(indexSettings, name, settings) {
          private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();

          @Override
          public SmartChineseAnalyzer get() {
            return analyzer;
          }
        });
  }
}
