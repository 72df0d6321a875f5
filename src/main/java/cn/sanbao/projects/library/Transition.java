package cn.sanbao.projects.library;

import java.time.LocalDateTime;

/** One lifecycle move of a project; {@code from} is null for the state a project was created in. */
public record Transition(long projectId, ProjectState from, ProjectState to, String actor, LocalDateTime at, String note) {
}
