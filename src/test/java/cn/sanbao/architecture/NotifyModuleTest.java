package cn.sanbao.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanbao.SanbaoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The notification module is reached only through its API (the top-level package cn.sanbao.notify). */
class NotifyModuleTest {

    @Test
    void noOtherModuleReachesIntoTheNotificationModulesInternals() {
        ApplicationModules modules = ApplicationModules.of(SanbaoApplication.class);
        assertThat(modules.getModuleByName("notify")).isPresent();
        var messages = modules.detectViolations().getMessages();
        messages.stream().filter(m -> m.contains("notify")).forEach(m -> System.out.println("NOTIFY-VIOLATION " + m));
        // a module using a type of notify's sub-packages (notify.channel, notify.outbox) is reported "within module 'notify'"
        assertThat(messages).filteredOn(m -> m.contains("within module 'notify'")).isEmpty();
        // and notify itself depends on no module but its own kernel of helpers (audit, shared)
        assertThat(modules.getModuleByName("notify").orElseThrow().getDirectDependencies(modules).uniqueModules()
                .map(m -> m.getIdentifier().toString())).allMatch(id -> id.equals("audit") || id.equals("shared"));
    }
}
