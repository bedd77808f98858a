package se.utfall.rfi.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The bytes of an attachment, apart from the response so they are read only when downloaded. */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "response_id", nullable = false, updatable = false)
    public UUID responseId;
    @Column(nullable = false, updatable = false)
    public byte[] content;
}
