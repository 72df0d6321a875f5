package cn.sanbao.shared.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The screen's texts (message bundles, in the user's language) for code that builds what a screen shows, e.g. export headers. */
@Component
public class ScreenText {

    private final MessageSource messages;

    public ScreenText(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
