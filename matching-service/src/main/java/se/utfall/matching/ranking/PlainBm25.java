package se.utfall.matching.ranking;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference the ranking is measured against, for the evaluation only: plain BM25 (Lucene's defaults) over
 * each profile's name, description and capabilities, analysed by Lucene's Swedish or English analyser by the
 * profile's language, queried with the need's title, problem statement and target group in both. No glossary,
 * no sectors, no locality.
 */
final class PlainBm25 {
    private static final String SV = "sv";
    private static final String EN = "en";

    private final Analyzer swedish = new SwedishAnalyzer();
    private final Analyzer english = new EnglishAnalyzer();
    private final List<Profile> profiles;
    private final IndexSearcher searcher;

    PlainBm25(List<Profile> profiles) {
        this.profiles = List.copyOf(profiles);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        Analyzer perField = new PerFieldAnalyzerWrapper(swedish, Map.of(EN, english));
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(perField))) {
            for (Profile p : this.profiles) {
                Document d = new Document();
                d.add(new TextField("en".equals(p.language()) ? EN : SV, p.name() + ". " + p.description() + ". "
                        + String.join(". ", p.capabilities()), Field.Store.NO));
                w.addDocument(d);
            }
            w.forceMerge(1);
            w.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The best {@code limit} profiles, in order (a single merged segment: doc id is the profile's index). */
    List<Profile> rank(Need need, int limit) {
        String text = need.title() + ". " + nonNull(need.problemStatement()) + ". " + nonNull(need.targetGroup());
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : List.of(SV, EN)) {
            for (String term : Concepts.tokens(field.equals(EN) ? english : swedish, text)) {
                if (clauses++ < 1000) {
                    q.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD);
                }
            }
        }
        try {
            List<Profile> out = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q.build(), limit).scoreDocs) {
                out.add(profiles.get(sd.doc));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
