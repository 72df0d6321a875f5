package cn.sanbao.projects.library;

import java.math.BigDecimal;

/** A budget project of the project library; {@code itemCode} is the guarantee-list item funded, or null. */
@org.springframework.modulith.NamedInterface("api")
public record Project(long id, int year, String code, String name, String unitCode, String agency, Category category,
                      SanbaoTag tag, String itemCode, String functionCode, String economicCode, BigDecimal amount,
                      ProjectState state) {

    public Project withId(long newId) {
        return new Project(newId, year, code, name, unitCode, agency, category, tag, itemCode, functionCode, economicCode, amount, state);
    }
}
