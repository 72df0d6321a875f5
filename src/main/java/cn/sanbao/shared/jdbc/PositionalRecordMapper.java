package cn.sanbao.shared.jdbc;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps a row to a record by position: column i fills component i. The select must list its columns in the
 * record's order. Spring's by-name mapping tries the camelCase name first and, on H2, every miss raises an
 * exception and writes it to the trace file — once per row and field — which dominated the hot queries.
 */
public final class PositionalRecordMapper<R extends Record> implements RowMapper<R> {

    private static final Map<Class<?>, Class<?>> BOXED = Map.of(int.class, Integer.class, long.class, Long.class,
            boolean.class, Boolean.class, double.class, Double.class, short.class, Short.class, byte.class, Byte.class,
            float.class, Float.class);

    private final Class<R> type;
    private final Constructor<R> constructor;
    private final Class<?>[] columnTypes;
    private final boolean[] primitive;

    private PositionalRecordMapper(Class<R> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] raw = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            this.constructor = type.getDeclaredConstructor(raw);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
        this.constructor.setAccessible(true);
        this.columnTypes = Arrays.stream(raw).map(c -> BOXED.getOrDefault(c, c)).toArray(Class<?>[]::new);
        this.primitive = new boolean[raw.length];
        for (int i = 0; i < raw.length; i++) primitive[i] = raw[i].isPrimitive();
    }

    public static <R extends Record> PositionalRecordMapper<R> of(Class<R> type) {
        return new PositionalRecordMapper<>(type);
    }

    @Override
    public R mapRow(ResultSet rs, int rowNum) throws SQLException {
        if (rs.getMetaData().getColumnCount() != columnTypes.length)
            throw new SQLException(type.getSimpleName() + " needs " + columnTypes.length + " columns, the query returned "
                    + rs.getMetaData().getColumnCount());
        Object[] args = new Object[columnTypes.length];
        for (int i = 0; i < args.length; i++) {
            Object value = rs.getObject(i + 1, columnTypes[i]);
            if (value == null && primitive[i])
                throw new SQLException(type.getSimpleName() + " column " + (i + 1) + " is null but the field is " + columnTypes[i]);
            args[i] = value;
        }
        try {
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new SQLException("cannot build " + type.getSimpleName(), e);
        }
    }
}
