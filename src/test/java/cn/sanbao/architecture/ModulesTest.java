package cn.sanbao.architecture;

import cn.sanbao.SanbaoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModulesTest {
    @Test
    void modulesVerify() {
        ApplicationModules modules = ApplicationModules.of(SanbaoApplication.class);
        modules.forEach(m -> System.out.println("MODULE " + m.getIdentifier()));
        modules.verify();
    }
}
