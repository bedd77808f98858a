package se.utfall.rfi.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.rfi.config.RfiConfig;
import se.utfall.rfi.api.ResponseView;
import se.utfall.rfi.domain.Attachment;
import se.utfall.rfi.domain.AttachmentContent;
import se.utfall.rfi.domain.FileTypes;
import se.utfall.rfi.domain.ResponseStatus;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiResponse;
import se.utfall.web.security.Reader;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.limits.CreationLimit;
import se.utfall.web.security.Actor;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Files attached to a response: PDF, ODT, DOCX, PNG or JPEG, recognised by their content; limited per file, per
 * response and in number; stored in the service's PostgreSQL. Adding and removing follow the response's rules
 * (its version, the exact deadline; a submitted response is submitted again), and the receipt covers each file by
 * its SHA-256. Only the respondent and, once submitted, the buyer can download one.
 */
@ApplicationScoped
public class AttachmentService {
    private final RfiAudit trail;
    private final ResponseService responses;
    private final RfiConfig config;
    private final Clock clock;
    private final CreationLimit uploads;

    public AttachmentService(ResponseService responses, RfiConfig config, Clock clock, RfiAudit trail) {
        this.trail = trail;
        this.responses = responses;
        this.config = config;
        this.clock = clock;
        this.uploads = new CreationLimit(config.limits().attachmentUploads(),
                config.limits().attachmentUploadsWindow());
    }

    /** A downloaded file. */
    public record File(Attachment attachment, byte[] content) {
    }

    @WithTransaction
    public Uni<ResponseView> add(UUID responseId, String fileName, byte[] content, Precondition ifMatch, Actor actor) {
        return responses.own(responseId, actor).chain(r -> responses.openRfi(r.rfiId).chain(rfi -> {
            ifMatch.require(r.version);
            r.requireStatus("changed", ResponseStatus.DRAFT, ResponseStatus.SUBMITTED);
            if (content == null || content.length == 0) {
                throw new RuleViolation(RuleViolation.Kind.INVALID,
                        "The file is empty: send its bytes as the request body.",
                        null);
            }
            if (content.length > config.attachmentMaxBytes()) {
                throw RuleViolation.tooLarge("payload-too-large",
                        "A file may have at most " + config.attachmentMaxBytes() + " bytes.");
            }
            Instant now = clock.instant();
            // Adding and removing files in a loop would grow the audit trail, the receipts and the events without
            // bound: uploads are counted from the response's audit trail.
            return trail.tally(r.id, "ATTACHMENT_ADDED", uploads.since(now))
                    .chain(counted -> {
                        uploads.check(counted.count(), counted.oldest(), now, "file uploads to one response");
                        return store(r, rfi, fileName, content, actor);
                    });
        }));
    }

    private Uni<ResponseView> store(RfiResponse r, Rfi rfi, String fileName, byte[] content, Actor actor) {
        String type = FileTypes.sniff(content).orElseThrow(() -> RuleViolation.unsupportedType(
                "unsupported-media-type", "Attach PDF, ODT, DOCX, PNG or JPEG files; the kind is read from the content,"
                + " not the name.", null).as("unsupported-media-type", "This kind of file is not accepted"));
        List<Attachment> files = new ArrayList<>(r.attachments());
        long total = files.stream().mapToLong(Attachment::sizeBytes).sum() + content.length;
        if (files.size() >= config.responseAttachmentsMaxCount()) {
            throw tooMany("A response may have at most " + config.responseAttachmentsMaxCount()
                    + " attachments; remove one first.");
        }
        if (total > config.responseAttachmentsMaxBytes()) {
            throw tooMany("A response's attachments may have at most " + config.responseAttachmentsMaxBytes()
                    + " bytes together; this one would make " + total + ".");
        }
        Attachment a = new Attachment(UUID.randomUUID(), fileName(fileName, type), type, content.length,
                sha256(content));
        files.add(a);
        r.replaceAttachments(files);
        AttachmentContent stored = new AttachmentContent();
        stored.id = a.id();
        stored.responseId = r.id;
        stored.content = content;
        return stored.persist().chain(() -> responses.saveChange(r, rfi, actor, "ATTACHMENT_ADDED",
                a.fileName()));
    }

    @WithTransaction
    public Uni<ResponseView> remove(UUID responseId, UUID attachmentId, Precondition ifMatch, Actor actor) {
        return responses.own(responseId, actor).chain(r -> responses.openRfi(r.rfiId).chain(rfi -> {
            ifMatch.require(r.version);
            r.requireStatus("changed", ResponseStatus.DRAFT, ResponseStatus.SUBMITTED);
            Attachment a = r.attachments().stream().filter(x -> x.id().equals(attachmentId)).findFirst()
                    .orElseThrow(() -> RuleViolation.notFound("attachment"));
            r.replaceAttachments(r.attachments().stream().filter(x -> !x.id().equals(attachmentId)).toList());
            return AttachmentContent.delete("id = ?1 and responseId = ?2", attachmentId, r.id)
                    .chain(() -> responses.saveChange(r, rfi, actor, "ATTACHMENT_REMOVED", a.fileName()));
        }));
    }

    /**
     * The file, for the respondent's organisation and the accepted members of its consortium, or the buyer's once
     * the response is submitted; else 404.
     */
    @WithSession
    public Uni<File> download(UUID responseId, UUID attachmentId, Actor actor) {
        return RfiResponse.<RfiResponse>findById(responseId).chain(r -> r == null ? notFound()
                : Rfi.<Rfi>findById(r.rfiId).chain(rfi -> ResponseService.readerOf(r, rfi, actor)
                .chain(role -> {
                    // Admins read responses for support, but not the files in them.
                    Attachment a = Reader.readableOrNotFound(r.attachments().stream()
                            .filter(x -> x.id().equals(attachmentId)).findFirst().orElse(null),
                            role != ResponseService.Role.NONE && role != ResponseService.Role.ADMIN, "attachment");
                    return AttachmentContent.<AttachmentContent>findById(attachmentId).map(c -> {
                        if (c == null || !c.responseId.equals(r.id)) {
                            throw RuleViolation.notFound("attachment");
                        }
                        return new File(a, c.content);
                    });
                })));
    }

    /** The name as given, without any path, control characters or more than 200 characters; else a plain one. */
    static String fileName(String given, String type) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() || name.startsWith(".") ? "bilaga." + FileTypes.extension(type)
                : FileTypes.nameFor(name, type);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleViolation tooMany(String detail) {
        return new RuleViolation(RuleViolation.Kind.INCOMPLETE, detail,
                List.of(new RuleViolation.FieldProblem("attachments", detail)));
    }

    private static <T> Uni<T> notFound() {
        return Uni.createFrom().failure(RuleViolation.notFound("attachment"));
    }
}
