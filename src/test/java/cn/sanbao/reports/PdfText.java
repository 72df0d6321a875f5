package cn.sanbao.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text of a PDF by poppler's pdftotext (-layout); null, with a message, when pdftotext is not installed. */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
            System.err.println("SKIPPED: PDF text checks need pdftotext (apt-get install poppler-utils)");
            return null;
        }
        Path in = Files.createTempFile("report", ".pdf");
        Path out = Files.createTempFile("report", ".txt");
        try {
            Files.write(in, pdf);
            Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", in.toString(), out.toString())
                    .redirectErrorStream(true).start();
            if (p.waitFor() != 0) throw new IllegalStateException("pdftotext failed: " + new String(p.getInputStream().readAllBytes()));
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    /** Pages as pdftotext separates them (form feed). */
    static int pages(String text) {
        Matcher m = Pattern.compile("\f").matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
