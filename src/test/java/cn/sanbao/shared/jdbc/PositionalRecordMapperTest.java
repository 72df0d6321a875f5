package cn.sanbao.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PositionalRecordMapperTest {

    record Row(long id, String name, BigDecimal amount, boolean active, LocalDateTime at, Integer optional) {
    }

    private static Row first(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:mapper"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return PositionalRecordMapper.of(Row.class).mapRow(rs, 0);
        }
    }

    @Test
    void columnsFillTheComponentsInOrderWithTheirTypes() throws SQLException {
        Row r = first("select 7, '西吉县', cast(1234.50 as decimal(18,2)), true, timestamp '2021-03-31 23:59:00', null");
        assertThat(r).isEqualTo(new Row(7, "西吉县", new BigDecimal("1234.50"), true, LocalDateTime.of(2021, 3, 31, 23, 59), null));
    }

    @Test
    void aWrongColumnCountOrANullPrimitiveIsAnErrorNotAZero() {
        assertThatThrownBy(() -> first("select 7, 'x'")).isInstanceOf(SQLException.class).hasMessageContaining("needs 6 columns");
        assertThatThrownBy(() -> first("select null, 'x', 1, true, null, null")).isInstanceOf(SQLException.class)
                .hasMessageContaining("column 1 is null");
    }
}
