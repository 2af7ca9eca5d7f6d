package org.attesta.demo.internal;

import java.util.List;

/**
 * The fictional region the demo data lives in: its municipalities, villages and streets. The
 * names are realistic in form but the region does not exist.
 */
final class DemoTerritory {

    /** Prefix of every address, so that demo addresses are recognisable as demo data. */
    static final String REGION = "Приозёрная обл.";

    /**
     * A municipality of the demo region.
     *
     * @param centre the town or settlement, as written in an address ({@code г. Заречный})
     * @param centreAdjective the adjective of the centre that schools of a district take
     *     (Заречная СОШ № 1); null for a town whose schools are simply numbered
     * @param district the district as written in an address, or null for a town (городской округ)
     * @param schoolShare the municipality's share of the region's schools
     */
    record MunicipalityTemplate(
            String code, String name, String centre, String centreAdjective, String district, double schoolShare) {

        boolean urban() {
            return district == null;
        }
    }

    /** A village with a school, and the adjective its school takes (Покровское → Покровская СОШ). */
    record Village(String name, String adjective) {
    }

    static final List<MunicipalityTemplate> MUNICIPALITIES = List.of(
            new MunicipalityTemplate("001", "Городской округ Северск", "г. Северск", null, null, 0.38),
            new MunicipalityTemplate("002", "Городской округ Верхнеозёрск", "г. Верхнеозёрск", null, null, 0.20),
            new MunicipalityTemplate("003", "Заречный муниципальный район", "г. Заречный", "Заречная",
                    "Заречный р-н", 0.15),
            new MunicipalityTemplate("004", "Ольховский муниципальный район", "рп Ольховка", "Ольховская",
                    "Ольховский р-н", 0.14),
            new MunicipalityTemplate("005", "Сосновский муниципальный округ", "пгт Сосновый Бор", "Сосновоборская",
                    "Сосновский м.о.", 0.13));

    static final List<Village> VILLAGES = List.of(
            new Village("с. Покровское", "Покровская"),
            new Village("с. Никольское", "Никольская"),
            new Village("с. Знаменка", "Знаменская"),
            new Village("с. Ильинское", "Ильинская"),
            new Village("д. Берёзовка", "Берёзовская"),
            new Village("с. Троицкое", "Троицкая"),
            new Village("с. Воскресенское", "Воскресенская"),
            new Village("с. Успенское", "Успенская"),
            new Village("пос. Лесной", "Лесная"),
            new Village("с. Михайловка", "Михайловская"),
            new Village("с. Александровка", "Александровская"),
            new Village("с. Богородское", "Богородская"),
            new Village("с. Спасское", "Спасская"),
            new Village("с. Дубровка", "Дубровская"),
            new Village("с. Каменка", "Каменская"),
            new Village("с. Рождествено", "Рождественская"),
            new Village("с. Константиново", "Константиновская"),
            new Village("пос. Первомайский", "Первомайская"),
            new Village("с. Глебово", "Глебовская"),
            new Village("с. Озёрки", "Озёрская"),
            new Village("с. Петровское", "Петровская"),
            new Village("с. Высокое", "Высоковская"),
            new Village("с. Борисоглебское", "Борисоглебская"),
            new Village("с. Медведево", "Медведевская"));

    static final List<String> STREETS = List.of(
            "ул. Ленина", "ул. Советская", "ул. Мира", "ул. Школьная", "ул. Молодёжная", "ул. Садовая",
            "ул. Гагарина", "ул. Пушкина", "ул. Центральная", "ул. Лесная", "ул. Новая", "ул. Комсомольская",
            "ул. Октябрьская", "ул. Первомайская", "ул. Набережная", "ул. Строителей", "пр-т Победы",
            "ул. Заводская", "ул. Речная", "ул. Полевая");

    private DemoTerritory() {
    }
}
