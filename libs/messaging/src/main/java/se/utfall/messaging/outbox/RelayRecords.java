package se.utfall.messaging.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import se.utfall.events.CloudEventHeaders;
import se.utfall.messaging.outbox.OutboxStore.OutboxRow;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/** An outbox row as the Kafka record partners read: a CloudEvent in binary mode, keyed by its aggregate. */
final class RelayRecords {
    private RelayRecords() {
    }

    static ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.aggregateId(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.ID, row.eventId());
        header(record, CloudEventHeaders.SOURCE, row.source());
        header(record, CloudEventHeaders.TYPE, row.type());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(row.occurredAt().toInstant()));
        if (row.subject() != null) {
            header(record, CloudEventHeaders.SUBJECT, row.subject());
        }
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
