package cn.sanbao.facts;

import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import cn.sanbao.kernel.Period;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api")
@Tag(name = "数据项与数据", description = "数据项目录、按修订保存的数据")
class FactsApi {

    private final DataItemRepository items;
    private final FactRepository store;
    private final FactResolver resolver;
    private final UnitScope scope;

    FactsApi(DataItemRepository items, FactRepository store, FactResolver resolver, UnitScope scope) {
        this.items = items;
        this.store = store;
        this.resolver = resolver;
        this.scope = scope;
    }

    @GetMapping("/items")
    @Operation(summary = "数据项目录")
    List<DataItem> items() {
        return items.all();
    }

    @GetMapping("/revisions")
    @Operation(summary = "全部数据修订（每次导入一个），最新在前")
    List<FactRevision> revisions() {
        return store.revisions();
    }

    @GetMapping("/revisions/{id}")
    @Operation(summary = "一次修订保存的全部数据（含已被后续修订取代的）")
    List<FactValue> revision(@PathVariable long id) {
        store.revision(id).orElseThrow(() -> new NoSuchElementException("数据修订 #" + id + " 不存在"));
        return store.valuesOf(id);
    }

    @GetMapping("/facts")
    @Operation(summary = "某单位在某监测期间读取的数据（含每个数值来自哪次修订）；asOf 可指定修订号以重现历史")
    UnitFacts facts(@RequestParam String unit, @RequestParam String period, @RequestParam(required = false) Long asOf) {
        scope.require(unit);
        UnitFacts f = resolver.resolve(Period.parse(period), asOf).get(unit);
        if (f == null) throw new NoSuchElementException("未知的财政单位代码“" + unit + "”");
        return f;
    }
}
