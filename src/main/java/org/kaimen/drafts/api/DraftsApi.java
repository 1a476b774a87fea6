package org.kaimen.drafts.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;

import java.time.OffsetDateTime;
import java.util.List;
import org.kaimen.drafts.DraftCounts;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.DraftState;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.DraftVersionInfo;
import org.kaimen.drafts.ImportAnomaly;
import org.kaimen.drafts.ImportResult;
import org.kaimen.drafts.Provision;
import org.kaimen.drafts.VersionDiff;
import org.kaimen.shared.web.KaimenException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/drafts")
@Tag(name = "Drafts")
class DraftsApi {

    record ImportJson(long id, String title, int version, DraftCounts counts, List<ImportAnomaly> anomalies) {
        static ImportJson of(ImportResult r) {
            return new ImportJson(r.id(), r.title(), r.version(), r.counts(), r.anomalies());
        }
    }

    record DraftJson(long id, String title, String summary, String draftingDepartment, DraftState state,
                     OffsetDateTime opensAt, OffsetDateTime closesAt, Long daysLeft, int currentVersion,
                     boolean allowAnonymous, boolean showComments) {
        static DraftJson of(DraftSummary d) {
            return new DraftJson(d.id(), d.title(), d.summary(), d.draftingDepartment(), d.state(), d.opensAt(),
                    d.closesAt(), d.daysLeft(), d.currentVersion(), d.allowAnonymous(), d.showComments());
        }
    }

    record VersionJson(int number, String label, String title, String explanation, OffsetDateTime publishedAt,
                       DraftCounts counts) {
        static VersionJson of(DraftVersionInfo v) {
            return new VersionJson(v.number(), v.label(), v.title(), v.explanation(), v.publishedAt(), v.counts());
        }
    }

    record ProvisionJson(long id, Provision.Kind kind, int number, String key, String label, String text,
                         List<ProvisionJson> children) {
        static ProvisionJson of(Provision p) {
            return new ProvisionJson(p.id(), p.kind(), p.number(), p.key(), p.label(),
                    p.kind().isHeading() ? p.heading() : p.displayText(),
                    p.children().stream().map(ProvisionJson::of).toList());
        }
    }

    record DraftDetailJson(long id, String title, String summary, String draftingDepartment, DraftState state,
                           OffsetDateTime opensAt, OffsetDateTime closesAt, Long daysLeft, int version,
                           List<VersionJson> versions, List<String> preamble, List<ProvisionJson> provisions) {
    }

    private final DraftService drafts;

    DraftsApi(DraftService drafts) {
        this.drafts = drafts;
    }

    @PostMapping(consumes = {MediaType.TEXT_PLAIN_VALUE, "text/markdown"})
    @Operation(summary = "Import a draft from its text (staff)")
    ResponseEntity<ImportJson> importText(@RequestBody byte[] body,
                                          @RequestParam(required = false) String title,
                                          @RequestParam(defaultValue = "false") boolean open) {
        return created(drafts.create(DraftSource.file(null, body), title, open));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a draft from a .txt, .md or .docx file (staff)")
    ResponseEntity<ImportJson> importFile(@RequestPart("file") MultipartFile file,
                                          @RequestParam(required = false) String title,
                                          @RequestParam(defaultValue = "false") boolean open) throws IOException {
        return created(drafts.create(DraftSource.file(file.getOriginalFilename(), file.getBytes()), title, open));
    }

    @PostMapping(value = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Publish the next version of a draft (staff)")
    ResponseEntity<ImportJson> publishVersion(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                              @RequestParam(required = false) String label,
                                              @RequestParam(required = false) String explanation)
            throws IOException {
        ImportResult r = drafts.publishVersion(id, DraftSource.file(file.getOriginalFilename(), file.getBytes()),
                label, explanation);
        return ResponseEntity.created(URI.create("/api/v1/drafts/" + id + "?version=" + r.version()))
                .body(ImportJson.of(r));
    }

    @GetMapping
    @Operation(summary = "Drafts open for comment first, then closed and adopted ones")
    List<DraftJson> list() {
        return drafts.publicDrafts().stream().map(DraftJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A draft with its provision tree (current version unless ?version=n)")
    DraftDetailJson get(@PathVariable long id,
                        @Parameter(description = "version number; default the current one")
                        @RequestParam(defaultValue = "0") int version) {
        DraftSummary d = drafts.get(id);
        List<DraftVersionInfo> versions = drafts.versions(id);
        int n = version == 0 ? d.currentVersion() : version;
        DraftVersionInfo v = versions.stream().filter(x -> x.number() == n).findFirst()
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "drafts.error.no-such-version", n));
        return new DraftDetailJson(d.id(), d.title(), d.summary(), d.draftingDepartment(), d.state(), d.opensAt(),
                d.closesAt(), d.daysLeft(), n, versions.stream().map(VersionJson::of).toList(),
                v.preamble().isBlank() ? List.of() : List.of(v.preamble().split("\n")),
                drafts.tree(id, n).stream().map(ProvisionJson::of).toList());
    }

    @GetMapping("/{id}/versions/{n}/diff")
    @Operation(summary = "Per-provision changes of version n against version n-1")
    VersionDiff diff(@PathVariable long id, @PathVariable int n) {
        return drafts.diff(id, n);
    }

    private static ResponseEntity<ImportJson> created(ImportResult r) {
        return ResponseEntity.created(URI.create("/api/v1/drafts/" + r.id())).body(ImportJson.of(r));
    }

}
