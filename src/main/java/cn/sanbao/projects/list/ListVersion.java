package cn.sanbao.projects.list;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One stored version of the guarantee list. */
@org.springframework.modulith.NamedInterface("api")
public record ListVersion(long id, LocalDateTime createdAt, String createdBy, String note, List<GuaranteeItem> items) {

    /** Items in force in the year: per code the one with the latest effective year not after it. */
    public List<GuaranteeItem> itemsFor(int year) {
        return items.stream().filter(i -> i.effectiveYear() <= year)
                .collect(java.util.stream.Collectors.groupingBy(GuaranteeItem::code, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.maxBy(Comparator.comparingInt(GuaranteeItem::effectiveYear))))
                .values().stream().flatMap(Optional::stream).toList();
    }

    public Optional<GuaranteeItem> item(String code, int year) {
        return itemsFor(year).stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
