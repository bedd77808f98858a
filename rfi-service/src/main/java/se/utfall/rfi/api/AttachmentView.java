package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A file of a response: its type as read from its content, its size and SHA-256 (part of the receipt). */
@Schema(name = "Attachment")
public record AttachmentView(UUID id, String fileName, String mediaType, long sizeBytes, String sha256) {
}
