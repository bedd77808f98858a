package se.utfall.rfi.domain;

import java.util.UUID;

/** A file of a response: its type as sniffed from its content, its size and SHA-256 (part of the receipt). */
public record Attachment(UUID id, String fileName, String mediaType, long sizeBytes, String sha256) {
}
