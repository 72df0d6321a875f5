package cn.sanbao.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The labels of codes shown to people (audit actions, job states, …), kept in ONE bundle,
 * i18n/codes(_en).properties, keyed {@code family.CODE}. Screens call it as {@code @codes}; exports and
 * filters call the static methods. Chinese unless the screen language is English.
 */
@Component("codes")
public class CodeLabels {

    private static final ResourceBundle.Control BASE_ONLY =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The label of a code; an unknown code is shown as it is. */
    public static String label(String family, String code) {
        if (code == null) return "";
        ResourceBundle b = bundle();
        String key = family + "." + code;
        return b.containsKey(key) ? b.getString(key) : code;
    }

    /** Codes of a family whose Chinese label contains the text: what a filter typed in Chinese means. */
    public static List<String> matching(String family, String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        ResourceBundle b = ResourceBundle.getBundle("i18n/codes", Locale.ROOT, BASE_ONLY);
        String prefix = family + ".";
        for (String key : b.keySet())
            if (key.startsWith(prefix) && b.getString(key).contains(text.strip())) out.add(key.substring(prefix.length()));
        return out;
    }

    private static ResourceBundle bundle() {
        // English only on a screen shown in English; outside a request (exports, jobs) the JVM default does not count
        var context = LocaleContextHolder.getLocaleContext();
        Locale shown = context == null ? null : context.getLocale();
        boolean english = shown != null && "en".equals(shown.getLanguage());
        return ResourceBundle.getBundle("i18n/codes", english ? Locale.ENGLISH : Locale.ROOT, BASE_ONLY);
    }

    /** For templates: {@code ${@codes.of('payment.job.status', job.status().name())}}. */
    public String of(String family, String code) {
        return label(family, code);
    }
}
