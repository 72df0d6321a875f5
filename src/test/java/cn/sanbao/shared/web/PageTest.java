package cn.sanbao.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void requestsAreBoundedAndPagesCountedFromTheTotal() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(1, PageRequest.DEFAULT_SIZE));
        assertThat(PageRequest.of(-3, 1_000_000)).isEqualTo(new PageRequest(1, PageRequest.MAX_SIZE));
        assertThat(PageRequest.of(3, 50).offset()).isEqualTo(100);
        Page<Integer> p = Page.of(List.of(101, 102), PageRequest.of(3, 50), 102);
        assertThat(p.pages()).isEqualTo(3);
        assertThat(p.hasPrevious()).isTrue();
        assertThat(p.hasNext()).isFalse();
        assertThat(p.firstRowNumber()).isEqualTo(101);
        assertThat(Page.of(List.of(), PageRequest.of(1, 50), 0).pages()).isEqualTo(1);
    }

    @Test
    void aListInMemoryIsSlicedAndAPageBeyondTheEndIsEmpty() {
        List<Integer> all = IntStream.rangeClosed(1, 7).boxed().toList();
        assertThat(Page.slice(all, PageRequest.of(2, 3)).rows()).containsExactly(4, 5, 6);
        assertThat(Page.slice(all, PageRequest.of(3, 3)).rows()).containsExactly(7);
        assertThat(Page.slice(all, PageRequest.of(9, 3)).rows()).isEmpty();
        assertThat(Page.slice(all, PageRequest.of(9, 3)).total()).isEqualTo(7);
    }
}
