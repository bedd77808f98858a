package se.utfall.web.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total number of matches so clients can show "page 2 of 7". */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page, request.size, total);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
