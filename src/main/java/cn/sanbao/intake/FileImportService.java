package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.facts.DataItemRepository;
import cn.sanbao.facts.FactRevision;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.ValidFacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** Imports a filled template: read → check everything → one revision (or nothing), with an optional re-scoring request. */
@Service
public class FileImportService {

    /** Filled templates are a few hundred cells; anything larger is not a template. */
    public static final int MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;

    private final TemplateParser parser;
    private final SubmissionValidator validator;
    private final FactRepository facts;
    private final RevisionDiff diff;
    private final TransactionOperations tx;
    private final Rescoring rescoring;

    public FileImportService(DataItemRepository catalogue, SubmissionValidator validator, FactRepository facts, RevisionDiff diff,
                             TransactionOperations tx, Rescoring rescoring) {
        this.parser = new TemplateParser(catalogue);
        this.validator = validator;
        this.facts = facts;
        this.diff = diff;
        this.tx = tx;
        this.rescoring = rescoring;
    }

    /**
     * @param chosen    the period the user picked; the file must state the same one
     * @param mayReport units the user may report (a county user: its own unit)
     */
    public ImportResult importFile(String fileName, byte[] bytes, Period chosen, String user,
                                   Predicate<String> mayReport, Predicate<String> visible, boolean rescore) {
        String name = fileName == null || fileName.isBlank() ? "上传文件" : fileName;
        if (bytes.length > MAX_TEMPLATE_BYTES) {
            throw IntakeRejectedException.of(name, null, "文件超过 " + MAX_TEMPLATE_BYTES / 1024 / 1024 + " MB，不是报送模板");
        }
        Submission submission = parser.parse(read(name, bytes));
        ValidFacts values = validator.validate(submission, chosen, mayReport);
        String hash = sha256(bytes);
        Optional<FactRevision> same = facts.findByContentHash(hash);
        if (same.isPresent()) {
            return new ImportResult(null, same.get().id(), submission.period().code(), values.size(), null, null, null);
        }
        String label = cut("文件 " + name, 250) + "（" + submission.period().label() + "）";
        Rescoring.Request scoring = rescoring.request(submission.period(), rescore);
        long id = tx.execute(status -> facts.createRevision("FILE", label, user, hash, values,
                "INTAKE_FILE", label + "，" + values.size() + " 个数值，SHA-256 " + hash, scoring.period()));
        return rescoring.after(new ImportResult(id, null, submission.period().code(), values.size(), diff.of(id, visible),
                null, null), scoring);
    }

    /** Reads an upload, refusing anything over the template limit before loading it into memory. */
    public static byte[] bytes(org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        if (file.getSize() > MAX_TEMPLATE_BYTES) {
            throw IntakeRejectedException.of(file.getOriginalFilename(), null,
                    "文件超过 " + MAX_TEMPLATE_BYTES / 1024 / 1024 + " MB，不是报送模板");
        }
        return file.getBytes();
    }

    static Grid read(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) return XlsxGridReader.read(name, bytes);
        if (lower.endsWith(".csv")) return CsvGridReader.read(name, bytes);
        throw IntakeRejectedException.of(name, null, "只接受 .xlsx 或 .csv 文件");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String cut(String s, int max) { return s.length() <= max ? s : s.substring(0, max - 1) + "…"; }
}
