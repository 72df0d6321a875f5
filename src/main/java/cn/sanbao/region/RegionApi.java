package cn.sanbao.region;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import cn.sanbao.shared.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api/units")
@Tag(name = "财政单位", description = "区划树：自治区、市（全市汇总）、市本级、县区、宁东等")
class RegionApi {

    private final RegionTree regions;
    private final UnitVisibility scope;

    RegionApi(RegionTree regions, UnitVisibility scope) {
        this.regions = regions;
        this.scope = scope;
    }

    @GetMapping
    @Operation(summary = "当前用户可见的财政单位，按区划树顺序")
    List<FiscalUnit> units() {
        return regions.all().stream().filter(u -> scope.visible().test(u.code())).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "一个财政单位")
    FiscalUnit unit(@PathVariable String code) {
        scope.require(code);
        return regions.require(code);
    }
}
