package cn.sanbao.warnings;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other modules (reports) may read about published warnings: a period's publication, the warnings it
 * issued and the case each one opened. Read-only; the tables stay with warnings.
 */
@Service
public class PublishedWarnings {

    private final PublicationRepository publications;
    private final CaseRepository cases;

    PublishedWarnings(PublicationRepository publications, CaseRepository cases) {
        this.publications = publications;
        this.cases = cases;
    }

    /** The newest publication of a period, if its results were published. */
    public Optional<Publication> publication(String period) {
        return publications.latestPublication(period);
    }

    /** The warnings a publication issued. */
    public List<Warning> warnings(long publicationId) {
        return publications.warningsOfPublication(publicationId);
    }

    /** The case a warning opened (or joined), as it stands now. */
    public Optional<WarningCase> caseOf(Warning warning) {
        return cases.find(warning.caseId());
    }
}
