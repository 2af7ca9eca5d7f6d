package org.attesta.demo.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.attesta.api.registry.SchoolDraft;
import org.attesta.demo.internal.DemoTerritory.MunicipalityTemplate;
import org.attesta.demo.internal.DemoTerritory.Village;

/**
 * Names and places the schools of the demo region. Towns get numbered schools, gymnasiums and
 * lyceums; districts get numbered schools in their centre and village schools named after the
 * village. Each school gets a weight that says how large it is compared with the others.
 */
final class SchoolPlanner {

    /** A school with its relative size. */
    record PlannedSchool(SchoolDraft school, double weight) {
    }

    /**
     * Kinds of school and their names. In the formats, argument 1 is the adjective of the
     * place and argument 2 the school's number.
     */
    enum SchoolKind {
        SECONDARY("МБОУ \"Средняя общеобразовательная школа № %2$d\"", "СОШ № %2$d", 1.0, 2.0),
        IN_DEPTH("МБОУ \"Средняя общеобразовательная школа № %2$d с углублённым изучением отдельных предметов\"",
                "СОШ № %2$d", 1.0, 1.8),
        GYMNASIUM("МАОУ \"Гимназия № %2$d\"", "Гимназия № %2$d", 0.8, 1.4),
        LYCEUM("МАОУ \"Лицей № %2$d\"", "Лицей № %2$d", 0.8, 1.4),
        BASIC("МБОУ \"Основная общеобразовательная школа № %2$d\"", "ООШ № %2$d", 0.4, 0.7),
        CENTRE_SECONDARY("МБОУ \"%1$s средняя общеобразовательная школа № %2$d\"", "%1$s СОШ № %2$d", 0.9, 1.5),
        VILLAGE_SECONDARY("МБОУ \"%1$s средняя общеобразовательная школа\"", "%1$s СОШ", 0.4, 0.8),
        VILLAGE_BASIC("МБОУ \"%1$s основная общеобразовательная школа\"", "%1$s ООШ", 0.3, 0.5);

        private final String nameFormat;
        private final String shortNameFormat;
        private final double minWeight;
        private final double maxWeight;

        SchoolKind(String nameFormat, String shortNameFormat, double minWeight, double maxWeight) {
            this.nameFormat = nameFormat;
            this.shortNameFormat = shortNameFormat;
            this.minWeight = minWeight;
            this.maxWeight = maxWeight;
        }
    }

    private static final double VILLAGE_BASIC_SHARE = 0.25;
    private static final int URBAN_MAX_HOUSE = 120;
    private static final int RURAL_MAX_HOUSE = 40;

    private final Random random;

    SchoolPlanner(Random random) {
        this.random = random;
    }

    /** The schools of all municipalities, in the order of their codes. */
    List<PlannedSchool> plan(List<MunicipalityTemplate> municipalities, int schoolCount) {
        int[] perMunicipality = schoolsPerMunicipality(municipalities, schoolCount);
        Iterator<Village> villages = shuffled(DemoTerritory.VILLAGES).iterator();
        List<PlannedSchool> schools = new ArrayList<>();
        for (int m = 0; m < municipalities.size(); m++) {
            MunicipalityTemplate municipality = municipalities.get(m);
            schools.addAll(municipality.urban()
                    ? townSchools(municipality, perMunicipality[m])
                    : districtSchools(municipality, perMunicipality[m], villages));
        }
        return schools;
    }

    /** Every municipality gets at least one school; the rest follow the shares. */
    private static int[] schoolsPerMunicipality(List<MunicipalityTemplate> municipalities, int schoolCount) {
        double[] shares = municipalities.stream().mapToDouble(MunicipalityTemplate::schoolShare).toArray();
        int[] counts = Apportionment.proportional(schoolCount - municipalities.size(), shares);
        return IntStream.of(counts).map(count -> count + 1).toArray();
    }

    private List<PlannedSchool> townSchools(MunicipalityTemplate town, int count) {
        List<Integer> numbers = shuffled(IntStream.rangeClosed(1, count + count / 2 + 3).boxed().toList())
                .subList(0, count).stream().sorted().toList();
        List<SchoolKind> kinds = shuffled(townKinds(count));
        List<PlannedSchool> schools = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String address = address(town.centre(), null, URBAN_MAX_HOUSE);
            schools.add(school(town, i + 1, kinds.get(i), null, numbers.get(i), address));
        }
        return schools;
    }

    /** Mostly ordinary secondary schools; larger towns also have a gymnasium, a lyceum and so on. */
    private static List<SchoolKind> townKinds(int count) {
        List<SchoolKind> kinds = new ArrayList<>();
        addIf(kinds, count >= 2, SchoolKind.GYMNASIUM);
        addIf(kinds, count >= 4, SchoolKind.LYCEUM);
        addIf(kinds, count >= 6, SchoolKind.BASIC);
        addIf(kinds, count >= 8, SchoolKind.IN_DEPTH);
        while (kinds.size() < count) {
            kinds.add(SchoolKind.SECONDARY);
        }
        return kinds;
    }

    private List<PlannedSchool> districtSchools(MunicipalityTemplate district, int count, Iterator<Village> villages) {
        int centreSchools = Math.max(1, Math.round(count / 3f));
        List<PlannedSchool> schools = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean inCentre = i < centreSchools || !villages.hasNext();
            schools.add(inCentre
                    ? centreSchool(district, i + 1)
                    : villageSchool(district, i + 1, villages.next()));
        }
        return schools;
    }

    /** Schools in a district centre are numbered in the order of their codes. */
    private PlannedSchool centreSchool(MunicipalityTemplate district, int sequence) {
        String address = address(district.centre(), district.district(), URBAN_MAX_HOUSE);
        return school(district, sequence, SchoolKind.CENTRE_SECONDARY, district.centreAdjective(), sequence, address);
    }

    private PlannedSchool villageSchool(MunicipalityTemplate district, int sequence, Village village) {
        SchoolKind kind = random.nextDouble() < VILLAGE_BASIC_SHARE ? SchoolKind.VILLAGE_BASIC : SchoolKind.VILLAGE_SECONDARY;
        String address = address(village.name(), district.district(), RURAL_MAX_HOUSE);
        return school(district, sequence, kind, village.adjective(), 0, address);
    }

    private PlannedSchool school(
            MunicipalityTemplate municipality, int sequence, SchoolKind kind, String adjective, int number,
            String address) {
        String code = municipality.code() + String.format("%03d", sequence);
        SchoolDraft draft = new SchoolDraft(
                code,
                String.format(kind.nameFormat, adjective, number),
                String.format(kind.shortNameFormat, adjective, number),
                municipality.code(),
                address);
        return new PlannedSchool(draft, kind.minWeight + random.nextDouble() * (kind.maxWeight - kind.minWeight));
    }

    /** {@code Приозёрная обл., Заречный р-н, с. Покровское, ул. Школьная, д. 3}; towns have no district. */
    private String address(String place, String district, int maxHouse) {
        String street = DemoTerritory.STREETS.get(random.nextInt(DemoTerritory.STREETS.size()));
        String house = "д. " + (1 + random.nextInt(maxHouse));
        String area = district == null ? DemoTerritory.REGION : DemoTerritory.REGION + ", " + district;
        return String.join(", ", area, place, street, house);
    }

    private <T> List<T> shuffled(List<T> values) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static <T> void addIf(List<T> list, boolean condition, T value) {
        if (condition) {
            list.add(value);
        }
    }
}
