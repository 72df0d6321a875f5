package cn.sanbao.facts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The data item catalogue, read once at startup; the configured file only seeds an empty table. */
@Service
public class DataItemRepository {

    private final Map<String, DataItem> items = new LinkedHashMap<>();

    public DataItemRepository(JdbcClient jdbc, TransactionOperations tx, @Value("${sanbao.items.file}") Resource file) {
        List<DataItem> loaded = tx.execute(status -> {
            long count = jdbc.sql("select count(*) from data_item").query(Long.class).single();
            if (count == 0) DataItemFile.read(file).forEach(item -> insert(jdbc, item));
            return jdbc.sql("select code, name, unit, nature, frequency, non_negative, description from data_item order by code")
                    .query((rs, n) -> new DataItem(rs.getString("code"), rs.getString("name"),
                            ItemUnit.valueOf(rs.getString("unit")), ItemNature.valueOf(rs.getString("nature")),
                            Frequency.valueOf(rs.getString("frequency")), rs.getBoolean("non_negative"),
                            rs.getString("description")))
                    .list();
        });
        loaded.forEach(i -> items.put(i.code(), i));
    }

    private static void insert(JdbcClient jdbc, DataItem i) {
        jdbc.sql("insert into data_item (code, name, unit, nature, frequency, non_negative, description) "
                        + "values (:code, :name, :unit, :nature, :frequency, :nonNegative, :description)")
                .param("code", i.code()).param("name", i.name()).param("unit", i.unit().name())
                .param("nature", i.nature().name()).param("frequency", i.frequency().name())
                .param("nonNegative", i.nonNegative()).param("description", i.description())
                .update();
    }

    /** All items, ordered by code. */
    public List<DataItem> all() { return List.copyOf(items.values()); }

    public Optional<DataItem> item(String code) { return Optional.ofNullable(items.get(code)); }

    public boolean contains(String code) { return items.containsKey(code); }
}
