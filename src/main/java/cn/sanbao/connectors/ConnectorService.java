package cn.sanbao.connectors;

import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.region.RegionTree;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** Configuring connectors, their queries and unit-code tables; every change audited, the password never echoed or logged. */
@Service
public class ConnectorService {

    private final ConnectorRepository store;
    private final ConnectorKeys keys;
    private final AuditLog audit;
    private final TransactionOperations tx;
    private final Clock clock;
    private final RegionTree regions;

    ConnectorService(ConnectorRepository store, ConnectorKeys keys, AuditLog audit, TransactionOperations tx, ObjectProvider<Clock> clock,
                     RegionTree regions) {
        this.regions = regions;
        this.store = store;
        this.keys = keys;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public List<Connector> all() { return store.all(); }

    public Connector require(long id) {
        return store.find(id).orElseThrow(() -> new NoSuchElementException("没有编号为 " + id + " 的连接器"));
    }

    public List<Connector.Query> queries(long connectorId) { return store.queries(connectorId); }

    public Map<String, String> unitCodes(long connectorId) { return store.unitCodes(connectorId); }

    /** Creates (id 0) or updates a connector. A blank password on update keeps the stored one. */
    public long save(String actor, Connector c, String password) {
        check(c);
        boolean create = c.id() == 0;
        if (create && (password == null || password.isEmpty())) throw new IllegalArgumentException("新建连接器须填写只读账号的密码");
        String enc = password == null || password.isEmpty() ? null : keys.encrypt(password);
        LocalDateTime now = LocalDateTime.now(clock);
        return tx.execute(s -> {
            long id = create ? store.insert(c, enc, actor, now) : c.id();
            if (!create) {
                require(id);
                store.update(c, enc, actor, now);
            }
            // the detail names what changed in words, never the password itself
            audit.record(actor, create ? "CONNECTOR_CREATE" : "CONNECTOR_EDIT", "connector:" + id, "连接器“" + c.name() + "”："
                    + c.jdbcUrl() + "，账号 " + c.username() + "，计划 " + c.cron() + "（" + c.periodRule().label() + "），"
                    + (c.enabled() ? "启用" : "停用") + "，行数上限 " + c.maxRows() + "，超时 " + c.timeoutSeconds() + " 秒，连续失败 "
                    + c.alertAfter() + " 次告警" + (enc != null ? "，已更换密码" : ""));
            return id;
        });
    }

    private static final Pattern CREDENTIALS_IN_URL =
            Pattern.compile("(?i)([?&;:(\\s]\\s*(password|passwd|pwd|sslpassword)\\s*=)|(//[^/@?]*:[^/@?]*@)");

    private static void check(Connector c) {
        if (c.name() == null || c.name().isBlank() || c.name().length() > 100) throw new IllegalArgumentException("名称不能为空，最多 100 个字符");
        if (c.jdbcUrl() == null || !c.jdbcUrl().startsWith("jdbc:") || c.jdbcUrl().length() > 500)
            throw new IllegalArgumentException("数据库地址应以 jdbc: 开头（如 jdbc:postgresql://主机:5432/库名），最多 500 个字符");
        // the address is shown on screens and written to the audit trail, so it must not carry a password
        if (CREDENTIALS_IN_URL.matcher(c.jdbcUrl()).find())
            throw new IllegalArgumentException("数据库地址里不能写密码（password=、pwd= 或 用户:密码@）：请去掉，把密码填在“密码”栏，它会加密保存");
        if (c.username() == null || c.username().isBlank() || c.username().length() > 100) throw new IllegalArgumentException("账号不能为空");
        try {
            CronExpression.parse(c.cron());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("计划“" + c.cron() + "”不是有效的 cron 表达式（秒 分 时 日 月 周，如每天 6 点：0 0 6 * * *）");
        }
        if (c.maxRows() < 1 || c.maxRows() > Connector.MAX_ROWS_LIMIT)
            throw new IllegalArgumentException("行数上限应在 1 到 " + Connector.MAX_ROWS_LIMIT + " 之间");
        if (c.timeoutSeconds() < 1 || c.timeoutSeconds() > Connector.MAX_TIMEOUT_SECONDS)
            throw new IllegalArgumentException("查询超时应在 1 到 " + Connector.MAX_TIMEOUT_SECONDS + " 秒之间");
        if (c.alertAfter() < 1 || c.alertAfter() > 100) throw new IllegalArgumentException("告警前允许的连续失败次数应在 1 到 100 之间");
    }

    /** Creates (id 0) or updates a query. */
    public long saveQuery(String actor, Connector.Query q) {
        require(q.connectorId());
        if (q.name() == null || q.name().isBlank() || q.name().length() > 100) throw new IllegalArgumentException("查询名称不能为空，最多 100 个字符");
        if (q.sql() == null || q.sql().isBlank() || q.sql().length() > 20_000) throw new IllegalArgumentException("SQL 不能为空，最多 20000 个字符");
        if (q.kind() == Connector.Kind.ITEM && (q.itemCode() == null || q.itemCode().isBlank()) && !q.columns().containsKey("item"))
            throw new IllegalArgumentException("数据项查询须指定数据项，或在列映射中给出 item=源列");
        return tx.execute(s -> {
            long id = q.id() == 0 ? store.insertQuery(q) : q.id();
            if (q.id() != 0) store.updateQuery(q);
            audit.record(actor, "CONNECTOR_QUERY", "connector:" + q.connectorId(), (q.id() == 0 ? "新增" : "修改") + "查询“" + q.name()
                    + "”（" + q.kind().label() + (q.itemCode() == null || q.itemCode().isBlank() ? "" : "，数据项 " + q.itemCode())
                    + "）：列映射 " + q.columnText().replace('\n', ' ') + "；SQL：" + q.sql());
            return id;
        });
    }

    public void deleteQuery(String actor, long connectorId, long queryId) {
        Connector.Query q = store.query(queryId).filter(x -> x.connectorId() == connectorId)
                .orElseThrow(() -> new NoSuchElementException("没有编号为 " + queryId + " 的查询"));
        tx.executeWithoutResult(s -> {
            store.deleteQuery(queryId);
            audit.record(actor, "CONNECTOR_QUERY", "connector:" + connectorId, "删除查询“" + q.name() + "”");
        });
    }

    /** "源代码,平台代码" lines replace the whole table; any bad line rejects it all (see {@link UnitCodeTable}). */
    public int saveUnitCodes(String actor, long connectorId, String text) {
        require(connectorId);
        Map<String, String> codes = UnitCodeTable.parse(text, regions::contains);
        tx.executeWithoutResult(s -> {
            store.replaceUnitCodes(connectorId, codes);
            audit.record(actor, "CONNECTOR_UNIT_CODES", "connector:" + connectorId, "单位代码对照改为 " + codes.size() + " 条");
        });
        return codes.size();
    }

    /** The clear password, only for opening the source connection. */
    String password(long connectorId) {
        return keys.decrypt(store.passwordEnc(connectorId));
    }

    /** The period a scheduled run extracts today. */
    Period scheduledPeriod(Connector c) {
        return c.periodRule().at(LocalDateTime.now(clock).toLocalDate());
    }
}
