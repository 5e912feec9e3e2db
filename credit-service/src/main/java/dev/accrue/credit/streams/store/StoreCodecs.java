package dev.accrue.credit.streams.store;

import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.accrual.Transcript;
import dev.accrue.credit.attendance.AttendanceFact;
import dev.accrue.credit.attendance.AttendanceType;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.ApprovalKey;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Format;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.CertifiedAward;
import dev.accrue.credit.compliance.CategoryProgress;
import dev.accrue.credit.compliance.ComplianceReport;
import dev.accrue.credit.compliance.ComplianceState;
import dev.accrue.credit.compliance.NotCounted;
import dev.accrue.credit.licensee.License;
import dev.accrue.credit.licensee.Licensee;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Binary layouts of the store values read or written per attendance event, award or profile: accruals
 * (attendance facts with their connections, awards with their approval's jurisdiction), licensee profiles,
 * transcripts and compliance reports (format {@link StoreSerde#BINARY_V3}), and open sessions (format
 * {@link StoreSerde#BINARY_V1}). Fields are written in
 * record-component order; changing a layout means a new format byte, not an edit here.
 */
public final class StoreCodecs {

    /** Kinds of attendance facts in formats 2 and 3. */
    private static final int JOINED = 0;
    private static final int LEFT = 1;
    private static final int COMPLETED = 2;
    private static final int COMPLETED_WITH_SCORE = 3;

    public static StoreSerde<Accrual> accruals() {
        return new StoreSerde<>(StoreSerde.BINARY_V3, StoreCodecs::writeAccrual, StoreCodecs::readAccrual);
    }

    public static StoreSerde<Licensee> licensees() {
        return new StoreSerde<>(StoreSerde.BINARY_V3, StoreCodecs::writeLicensee, StoreCodecs::readLicensee);
    }

    public static StoreSerde<OpenSession> openSessions() {
        return new StoreSerde<>((out, open) -> {
            out.writeInstant(open.endsAt());
            out.writeInstant(open.lastAttendanceAt());
        }, in -> new OpenSession(in.readInstant(), in.readInstant()));
    }

    public static StoreSerde<Transcript> transcripts() {
        return new StoreSerde<>(StoreSerde.BINARY_V3, (out, transcript) -> {
            out.writeString(transcript.licenseeId());
            out.writeList(transcript.awards(), StoreCodecs::writeAward);
        }, in -> new Transcript(in.readString(), in.readList(StoreCodecs::readAward)));
    }

    public static StoreSerde<List<ComplianceReport>> complianceReports() {
        return new StoreSerde<>(StoreSerde.BINARY_V3, (out, reports) -> out.writeList(reports, StoreCodecs::writeReport),
                in -> in.readList(StoreCodecs::readReport));
    }

    private static void writeReport(BinaryWriter out, ComplianceReport report) {
        out.writeString(report.licenseeId());
        out.writeString(report.board());
        out.writeString(report.licenseType());
        out.writeString(report.licenseNumber());
        out.writeDate(report.cycleStart());
        out.writeDate(report.cycleEnd());
        out.writeDouble(report.requiredHours());
        out.writeDouble(report.earnedHours());
        out.writeDouble(report.countedHours());
        out.writeDouble(report.remainingHours());
        out.writeList(report.categories(), (o, c) -> {
            o.writeEnum(c.category());
            o.writeDouble(c.requiredHours());
            o.writeDouble(c.earnedHours());
            o.writeBoolean(c.oneTime());
            o.writeString(c.label());
            o.writeBoolean(c.attested());
        });
        out.writeList(report.notCounted(), (o, n) -> {
            o.writeString(n.awardId());
            o.writeString(n.sessionId());
            o.writeEnum(n.approval().body());
            o.writeString(n.approval().jurisdiction());
            o.writeDouble(n.hours());
            o.writeEnum(n.reason());
            o.writeString(n.detail());
        });
        out.writeEnum(report.status());
        out.writeString(report.ruleVersion());
        out.writeInstant(report.evaluatedAt());
    }

    private static ComplianceReport readReport(BinaryReader in) {
        return new ComplianceReport(in.readString(), in.readString(), in.readString(), in.readString(), in.readDate(),
                in.readDate(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readList(i -> new CategoryProgress(i.readEnum(Category.class), i.readDouble(), i.readDouble(),
                        i.readBoolean(), i.readString(), i.readBoolean())),
                in.readList(i -> new NotCounted(i.readString(), i.readString(),
                        new ApprovalKey(i.readEnum(ApprovalBody.class), i.readString()), i.readDouble(),
                        i.readEnum(NotCounted.Reason.class), i.readString())),
                in.readEnum(ComplianceState.class), in.readString(), in.readInstant());
    }

    private static void writeAccrual(BinaryWriter out, Accrual accrual) {
        out.writeString(accrual.licenseeId());
        out.writeString(accrual.sessionId());
        writeFacts(out, accrual.facts());
        writeOutcome(out, accrual.lastAttendanceAt(), accrual.finalized(), accrual.awards(), accrual.certificate());
    }

    private static Accrual readAccrual(BinaryReader in) {
        String licenseeId = in.readString();
        String sessionId = in.readString();
        List<AttendanceFact> facts = readFacts(in);
        Instant lastAttendanceAt = in.readInstant();
        boolean finalized = in.readBoolean();
        return new Accrual(licenseeId, sessionId, facts, lastAttendanceAt, finalized, readAwards(in), readOptionalCertificate(in));
    }

    private static void writeOutcome(BinaryWriter out, Instant lastAttendanceAt, boolean finalized,
                                     Map<ApprovalKey, Award> awards, Certificate certificate) {
        out.writeInstant(lastAttendanceAt);
        out.writeBoolean(finalized);
        // In approval order, so the same accrual always has the same bytes.
        out.writeList(awards.values().stream().sorted(Comparator.comparing(Award::approval)).toList(),
                StoreCodecs::writeAward);
        out.writeBoolean(certificate != null);
        if (certificate != null) {
            writeCertificate(out, certificate);
        }
    }

    private static Map<ApprovalKey, Award> readAwards(BinaryReader in) {
        Map<ApprovalKey, Award> awards = new HashMap<>();
        in.readList(StoreCodecs::readAward).forEach(award -> awards.put(award.approval(), award));
        return awards;
    }

    /**
     * The distinct connection ids, then the facts in their order (by time), each a kind byte, its epoch millis as the
     * zig-zag difference from the previous fact's (the source's precision is millis), its score if it has one, and
     * its connection as a position in that list (0 for none): three or four bytes per fact of a live session, and
     * each connection id written once although its JOINED and LEFT both name it. The kind bytes are fixed here, not
     * enum ordinals, so reordering the enum never changes a stored value.
     */
    private static void writeFacts(BinaryWriter out, List<AttendanceFact> facts) {
        Map<String, Integer> connections = new LinkedHashMap<>();
        facts.forEach(fact -> {
            if (fact.connectionId() != null) {
                connections.putIfAbsent(fact.connectionId(), connections.size() + 1);
            }
        });
        out.writeList(List.copyOf(connections.keySet()), BinaryWriter::writeString);
        out.writeVarInt(facts.size());
        long previous = 0;
        for (AttendanceFact fact : facts) {
            out.writeByte(kind(fact));
            long millis = fact.at().toEpochMilli();
            out.writeSignedLong(millis - previous);
            previous = millis;
            if (fact.score() != null) {
                out.writeDouble(fact.score());
            }
            out.writeVarInt(fact.connectionId() == null ? 0 : connections.get(fact.connectionId()));
        }
    }

    /** Facts as {@link #writeFacts} writes them. */
    private static List<AttendanceFact> readFacts(BinaryReader in) {
        List<String> connections = in.readList(BinaryReader::readString);
        int count = in.readVarInt();
        if (count < 0 || count > in.remaining() / 2) { // a fact takes at least two bytes
            throw new SerializationException("Implausible number of facts " + count);
        }
        List<AttendanceFact> facts = new ArrayList<>(count);
        long millis = 0;
        for (int i = 0; i < count; i++) {
            int kind = in.readByte();
            millis += in.readSignedLong();
            Instant at = Instant.ofEpochMilli(millis);
            Double score = kind == COMPLETED_WITH_SCORE ? in.readDouble() : null;
            String connectionId = connection(connections, in.readVarInt());
            facts.add(switch (kind) {
                case JOINED -> new AttendanceFact(AttendanceType.JOINED, at, null, connectionId);
                case LEFT -> new AttendanceFact(AttendanceType.LEFT, at, null, connectionId);
                case COMPLETED, COMPLETED_WITH_SCORE ->
                        new AttendanceFact(AttendanceType.SELF_STUDY_COMPLETED, at, score, connectionId);
                default -> throw new SerializationException("Unknown attendance fact kind " + kind);
            });
        }
        return facts;
    }

    private static String connection(List<String> connections, int position) {
        if (position < 0 || position > connections.size()) {
            throw new SerializationException("Unknown connection " + position + " of " + connections.size());
        }
        return position == 0 ? null : connections.get(position - 1);
    }

    private static int kind(AttendanceFact fact) {
        return switch (fact.type()) {
            case JOINED -> JOINED;
            case LEFT -> LEFT;
            case SELF_STUDY_COMPLETED -> fact.score() == null ? COMPLETED : COMPLETED_WITH_SCORE;
        };
    }

    private static void writeAward(BinaryWriter out, Award award) {
        out.writeString(award.awardId());
        out.writeVarInt(award.revision());
        out.writeString(award.licenseeId());
        out.writeString(award.sessionId());
        out.writeString(award.courseId());
        out.writeString(award.providerId());
        out.writeString(award.title());
        out.writeEnum(award.format());
        out.writeEnum(award.body());
        out.writeString(award.jurisdiction());
        out.writeString(award.approvalId());
        out.writeDouble(award.hours());
        out.writeNullableDouble(award.ceu());
        out.writeList(award.categories(), StoreCodecs::writeCategoryHours);
        out.writeVarInt(award.attendedMinutes());
        out.writeVarInt(award.scheduledMinutes());
        out.writeInstant(award.completedAt());
        out.writeInstant(award.awardedAt());
        out.writeString(award.ruleVersion());
    }

    private static Award readAward(BinaryReader in) {
        return new Award(in.readString(), in.readVarInt(), in.readString(), in.readString(), in.readString(),
                in.readString(), in.readString(), in.readEnum(Format.class), in.readEnum(ApprovalBody.class),
                in.readString(), in.readString(), in.readDouble(), in.readNullableDouble(), in.readList(StoreCodecs::readCategoryHours),
                in.readVarInt(), in.readVarInt(), in.readInstant(), in.readInstant(), in.readString());
    }

    private static void writeCategoryHours(BinaryWriter out, CategoryHours hours) {
        out.writeEnum(hours.category());
        out.writeDouble(hours.hours());
    }

    private static CategoryHours readCategoryHours(BinaryReader in) {
        return new CategoryHours(in.readEnum(Category.class), in.readDouble());
    }

    private static void writeCertificate(BinaryWriter out, Certificate certificate) {
        out.writeString(certificate.certificateId());
        out.writeVarInt(certificate.revision());
        out.writeString(certificate.licenseeId());
        out.writeString(certificate.participantName());
        out.writeList(certificate.licenseNumbers(), BinaryWriter::writeString);
        out.writeString(certificate.sessionId());
        out.writeString(certificate.courseId());
        out.writeString(certificate.providerId());
        out.writeString(certificate.title());
        out.writeEnum(certificate.format());
        out.writeInstant(certificate.activityStart());
        out.writeInstant(certificate.activityEnd());
        out.writeList(certificate.awards(), StoreCodecs::writeCertifiedAward);
        out.writeInstant(certificate.issuedAt());
        out.writeString(certificate.recipientIdentityHash());
    }

    /** A certificate after its presence marker, or null when absent. */
    private static Certificate readOptionalCertificate(BinaryReader in) {
        return in.readBoolean() ? readCertificate(in) : null;
    }

    private static Certificate readCertificate(BinaryReader in) {
        return new Certificate(in.readString(), in.readVarInt(), in.readString(), in.readString(),
                in.readList(BinaryReader::readString), in.readString(), in.readString(), in.readString(), in.readString(),
                in.readEnum(Format.class), in.readInstant(), in.readInstant(),
                in.readList(StoreCodecs::readCertifiedAward), in.readInstant(), in.readString());
    }

    private static void writeCertifiedAward(BinaryWriter out, CertifiedAward award) {
        out.writeString(award.awardId());
        out.writeVarInt(award.awardRevision());
        out.writeEnum(award.body());
        out.writeString(award.jurisdiction());
        out.writeString(award.approvalId());
        out.writeDouble(award.hours());
        out.writeList(award.categories(), StoreCodecs::writeCategoryHours);
    }

    private static CertifiedAward readCertifiedAward(BinaryReader in) {
        return new CertifiedAward(in.readString(), in.readVarInt(), in.readEnum(ApprovalBody.class), in.readString(),
                in.readString(), in.readDouble(), in.readList(StoreCodecs::readCategoryHours));
    }

    private static void writeLicensee(BinaryWriter out, Licensee licensee) {
        out.writeString(licensee.licenseeId());
        out.writeString(licensee.givenName());
        out.writeString(licensee.familyName());
        out.writeString(licensee.email());
        out.writeList(licensee.licenses(), StoreCodecs::writeLicense);
    }

    private static Licensee readLicensee(BinaryReader in) {
        return new Licensee(in.readString(), in.readString(), in.readString(), in.readString(),
                in.readList(StoreCodecs::readLicense));
    }

    private static void writeLicense(BinaryWriter out, License license) {
        out.writeString(license.board());
        out.writeString(license.licenseType());
        out.writeString(license.licenseNumber());
        out.writeDate(license.cycleStart());
        out.writeDate(license.cycleEnd());
        out.writeBoolean(license.firstRenewal());
        out.writeBoolean(license.supervisor());
        out.writeList(license.attestedCategories().stream().sorted().toList(), BinaryWriter::writeEnum);
    }

    private static License readLicense(BinaryReader in) {
        return new License(in.readString(), in.readString(), in.readString(), in.readDate(), in.readDate(),
                in.readBoolean(), in.readBoolean(), Set.copyOf(in.readList(i -> i.readEnum(Category.class))));
    }

    private StoreCodecs() {
    }
}
