package se.utfall.rfi.domain;

import java.util.List;

/** A response's consortium members as stored (one JSON column). */
public record MemberList(List<ConsortiumMember> items) {
    public MemberList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
