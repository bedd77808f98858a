package se.utfall.matching.ranking;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ranks innovator profiles for a need. Relevance is BM25 over concepts (stems and glossary groups, see
 * {@link Concepts}) of each profile's name, description and capabilities, with term saturation, so repeating a
 * word buys little; it is combined with sector overlap and, for a place-bound need, whether the provider serves
 * the municipality (same municipality, then same county, then national, then elsewhere). Built once over all
 * profiles, it then takes changes one by one ({@link #apply}) while rankings go on.
 */
public final class Ranker {
    private static final String TEXT = "text";
    private static final String CAPABILITIES = "capabilities";
    private static final String KEY = "key";
    /** Where a document's profile is kept: {@link #slots}. */
    private static final String SLOT = "slot";
    private static final int CANDIDATES = 300;
    /** Profiles that serve the need's kommun or län, best by words, also considered for a place-bound need. */
    private static final int LOCAL_CANDIDATES = 100;
    private static final String REGION = "region";
    private static final String COUNTY = "lan:";
    /** The most terms of a need a query uses (two clauses each; Lucene allows 1,024 clauses). */
    static final int MAX_TERMS = 200;
    /**
     * A national provider's locality for a need done on site: it says it serves everywhere, but a weekly parcel
     * is not a daily hot meal, nor a visit; a local actor that can do the job ranks above it.
     */
    static final double NATIONAL_ON_SITE = 0.2;
    /** How much of the text signal is concept coverage rather than BM25 relevance. */
    static final double COVERAGE = 0.3;
    /** How much of a match is text; the rest is sector overlap (both sides name sectors from one list). */
    static final double TEXT_WEIGHT = 0.65;
    private static final BM25Similarity SIMILARITY = new BM25Similarity(0.9f, 0.6f);

    private final Concepts concepts;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /**
     * Every profile a document of the index may point to, by slot, with the glossary groups of its description
     * and capabilities (for the explanation). A changed profile gets a new slot; the old one stays for searches
     * still reading the index as it was, until the ranker is built anew ({@link #superseded()}).
     */
    private final Map<Integer, Entry> slots = new ConcurrentHashMap<>();
    /** The live slot of each profile key. */
    private final Map<String, Integer> live = new ConcurrentHashMap<>();
    private int nextSlot;

    private record Entry(Profile profile, Set<String> groups) {
    }

    /**
     * One ranked profile: its score and the parts it is made of, for the explanation ({@code shared}: the glossary
     * concepts need and profile have in common, as tokens for {@link Concepts#name(String, String)}).
     */
    public record Match(Profile profile, double score, double text, double sectors, double locality,
            boolean placeBound, List<String> shared) {
    }

    /** A ranker over these profiles (keys unique). */
    public Ranker(Concepts concepts, List<Profile> profiles) {
        this.concepts = concepts;
        Analyzer whitespace = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                WhitespaceTokenizer source = new WhitespaceTokenizer();
                return new TokenStreamComponents(source);
            }
        };
        try {
            this.writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(whitespace)
                    .setSimilarity(SIMILARITY).setRAMBufferSizeMB(256));
            for (Profile p : profiles) {
                int slot = nextSlot++;
                writer.addDocument(document(p, slot));
                keep(p, slot);
            }
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(SIMILARITY);
                    return searcher;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (live.size() != profiles.size()) {
            throw new IllegalArgumentException("profile keys are not unique");
        }
    }

    /**
     * Adds or replaces the given profiles (by key) and removes the profiles of the given keys, visible to the
     * rankings that start after it returns. One caller at a time; rankings may run meanwhile. Term statistics
     * count a replaced or removed profile until Lucene merges its segment away, so a ranking after changes can
     * differ in the last decimals from one over a ranker built anew.
     */
    public synchronized void apply(Collection<Profile> changed, Collection<String> removed) {
        try {
            for (Profile p : changed) {
                // The document first: a profile it cannot be made of changes nothing.
                int slot = nextSlot++;
                writer.updateDocument(new Term(KEY, p.key()), document(p, slot));
                keep(p, slot);
            }
            for (String key : removed) {
                if (live.remove(key) != null) {
                    writer.deleteDocuments(new Term(KEY, key));
                }
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the profile in its slot and makes it the live one of its key. */
    private void keep(Profile p, int slot) {
        slots.put(slot, new Entry(p, Set.copyOf(concepts.groups(p.description() + ". "
                + String.join(". ", p.capabilities()), p.language()))));
        live.put(p.key(), slot);
    }

    private Document document(Profile p, int slot) {
        String lang = p.language();
        // Each concept counts once per profile: saying it again, however often, buys nothing. The name is not
        // part of it: a business named after the village, or after the need's words, is not thereby able to do
        // the job (it cost nothing on the tuning set and raised the held-out set's nDCG@10 by 0.027).
        String text = String.join(" ", new LinkedHashSet<>(concepts.of(p.description() + ". "
                + String.join(". ", p.capabilities()), lang)));
        String caps = String.join(" ", new LinkedHashSet<>(concepts.of(String.join(". ", p.capabilities()),
                lang)));
        Document d = new Document();
        d.add(new StringField(KEY, p.key(), Field.Store.NO));
        d.add(new NumericDocValuesField(SLOT, slot));
        for (String region : p.regionsServed()) {
            d.add(new StringField(REGION, region, Field.Store.NO));
            if (region.length() == 4) {
                d.add(new StringField(REGION, COUNTY + region.substring(0, 2), Field.Store.NO));
            }
        }
        d.add(new TextField(TEXT, text, Field.Store.NO));
        d.add(new TextField(CAPABILITIES, caps, Field.Store.NO));
        return d;
    }

    /** How many profiles the ranker holds. */
    public int size() {
        return live.size();
    }

    /** How many replaced or removed profiles it still keeps for searches that began before the change. */
    public int superseded() {
        return slots.size() - live.size();
    }

    /** The profile of a key, as the ranker holds it. */
    public Optional<Profile> profile(String key) {
        Integer slot = live.get(key);
        return slot == null ? Optional.empty() : Optional.of(slots.get(slot).profile());
    }

    public List<Match> rank(Need need, int limit) {
        String lang = need.language();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String t : concepts.of(need.title(), lang)) {
            counts.merge(t, 3, Integer::sum);
        }
        for (String t : concepts.of(text(need.problemStatement()) + ". " + text(need.targetGroup()), lang)) {
            counts.merge(t, 1, Integer::sum);
        }
        // Where the need is counts through locality, not as words: a business named after the village is not
        // thereby able to do the job.
        if (need.locality() != null) {
            concepts.stems(need.locality(), lang).forEach(counts::remove);
        }
        boolean placeBound = counts.keySet().stream().anyMatch(concepts::isPlaceBound);
        // Two clauses per term, and Lucene takes at most 1,024: a long need keeps its most weighty terms.
        Map<String, Integer> terms = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted((a, b) -> Float.compare(weight(b.getKey(), b.getValue()), weight(a.getKey(), a.getValue())))
                .limit(MAX_TERMS).forEach(e -> terms.put(e.getKey(), e.getValue()));
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        terms.forEach((t, n) -> {
            float weight = weight(t, n);
            q.add(new BoostQuery(new TermQuery(new Term(TEXT, t)), weight), BooleanClause.Occur.SHOULD);
            q.add(new BoostQuery(new TermQuery(new Term(CAPABILITIES, t)), 0.5f * weight),
                    BooleanClause.Occur.SHOULD);
        });
        List<Match> matches = new ArrayList<>();
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            Query words = q.setMinimumNumberShouldMatch(1).build();
            TopDocs top = searcher.search(words, CANDIDATES);
            double max = top.scoreDocs.length == 0 ? 1 : top.scoreDocs[0].score;
            Set<String> needTerms = terms.keySet();
            List<ScoreDoc> candidates = new ArrayList<>(List.of(top.scoreDocs));
            String code = need.municipalityCode();
            if (placeBound && code != null && code.length() == 4) {
                // Among many profiles a local provider can fall outside the best few hundred on words alone, and
                // locality would never lift it: the best by words among those who serve the kommun or the län
                // are candidates too.
                Set<Integer> seen = new HashSet<>();
                candidates.forEach(sd -> seen.add(sd.doc));
                Query local = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST)
                        .add(new TermInSetQuery(REGION, List.of(new BytesRef(code),
                                new BytesRef(COUNTY + code.substring(0, 2)))), BooleanClause.Occur.FILTER).build();
                for (ScoreDoc sd : searcher.search(local, LOCAL_CANDIDATES).scoreDocs) {
                    if (seen.add(sd.doc)) {
                        candidates.add(sd);
                    }
                }
            }
            candidates.sort(Comparator.comparingInt(sd -> sd.doc));
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc sd : candidates) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                NumericDocValues slot = leaf.reader().getNumericDocValues(SLOT);
                if (slot == null || !slot.advanceExact(sd.doc - leaf.docBase)) {
                    throw new IllegalStateException("a profile document without its slot");
                }
                Entry e = slots.get((int) slot.longValue());
                if (e == null) {
                    continue;
                }
                Profile p = e.profile();
                // The square root keeps relevance decisive without letting a wordy profile outweigh locality;
                // coverage asks how much of what the need is about the profile speaks of at all.
                double text = (1 - COVERAGE) * Math.sqrt(sd.score / max) + COVERAGE * coverage(terms, e.groups());
                double sectors = sectorOverlap(need, p);
                double locality = locality(need.municipalityCode(), p.regionsServed(), placeBound);
                double score = (TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * sectors) * (placeBound
                        ? 0.2 + 0.8 * locality : 0.7 + 0.3 * locality);
                matches.add(new Match(p, score, text, sectors, locality, placeBound, shared(needTerms, e.groups())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (searcher != null) {
                release(searcher);
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed());
        return matches.size() > limit ? matches.subList(0, limit) : matches;
    }

    private static float weight(String term, int n) {
        return (term.startsWith(Concepts.GROUP) ? 2.5f : 1f) * Math.min(n, 4);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** The share of the need's glossary concepts that the profile's description and capabilities name. */
    static double coverage(Map<String, Integer> needTerms, Set<String> profileGroups) {
        int all = 0;
        int covered = 0;
        for (String t : needTerms.keySet()) {
            if (t.startsWith(Concepts.GROUP)) {
                all++;
                if (profileGroups.contains(t)) {
                    covered++;
                }
            }
        }
        return all == 0 ? 0 : (double) covered / all;
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> shared(Set<String> needTerms, Set<String> profileTerms) {
        List<String> out = new ArrayList<>();
        for (String t : needTerms) {
            if (t.startsWith(Concepts.GROUP) && profileTerms.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    static double sectorOverlap(Need need, Profile p) {
        if (need.sectors().isEmpty()) {
            return 0;
        }
        return (double) need.sectors().stream().filter(p.sectors()::contains).count() / need.sectors().size();
    }

    /**
     * How well a provider can be where the need is. For a place-bound need: 1 it serves the municipality, 0.6 the
     * same county (the kommunkod's first two digits), 0.2 national, 0 elsewhere. For any other need a national
     * provider serves as well as a local one (1); one in the same county 0.8, elsewhere 0.5, since a regional
     * actor that does not work here is less likely to than one that works everywhere.
     */
    static double locality(String municipality, List<String> served, boolean placeBound) {
        Tier tier = tier(municipality, served);
        if (municipality == null || municipality.length() != 4) {
            return tier == Tier.NATIONAL ? 1 : 0.6;
        }
        return switch (tier) {
            case MUNICIPALITY -> 1;
            case COUNTY -> placeBound ? 0.6 : 0.8;
            case NATIONAL -> placeBound ? NATIONAL_ON_SITE : 1;
            case ELSEWHERE -> placeBound ? 0 : 0.5;
        };
    }

    /** Where a provider works, seen from a need's kommun. */
    public enum Tier { MUNICIPALITY, COUNTY, NATIONAL, ELSEWHERE }

    /** The provider's tier for a need in {@code municipality} (a kommunkod; the län is its first two digits). */
    public static Tier tier(String municipality, List<String> served) {
        boolean known = municipality != null && municipality.length() == 4;
        if (known && served.contains(municipality)) {
            return Tier.MUNICIPALITY;
        }
        if (known && served.stream().anyMatch(s -> s.length() == 4 && s.startsWith(municipality.substring(0, 2)))) {
            return Tier.COUNTY;
        }
        return served.contains("SE") ? Tier.NATIONAL : Tier.ELSEWHERE;
    }
}
