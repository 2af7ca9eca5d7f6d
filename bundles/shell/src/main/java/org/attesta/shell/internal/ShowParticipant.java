package org.attesta.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.attesta.api.registry.Participant;
import org.attesta.api.registry.ParticipantService;

@Service
@Command(scope = "attesta", name = "participant", description = "Shows one participant")
public class ShowParticipant extends AttestaAction {
    @Reference
    private ParticipantService participants;

    @Argument(name = "id", description = "Participant id (see attesta:participants)", required = true)
    private long id;

    @Override
    protected Object run() {
        Participant p = participants.participant(id);
        System.out.println("Id:             " + p.id());
        System.out.println("ФИО:            " + p.fullName());
        System.out.println("Дата рождения:  " + p.birthDate());
        System.out.println("Пол:            " + (p.sex() == org.attesta.api.registry.Sex.MALE ? "М" : "Ж"));
        System.out.println("Документ:       " + p.document().type().title() + " "
                + (p.document().series() == null ? "" : p.document().series() + " ") + p.document().number());
        System.out.println("СНИЛС:          " + (p.snils() == null ? "—" : p.snils()));
        System.out.println("ОО, класс:      " + p.schoolCode() + ", " + p.className());
        System.out.println("Категория:      " + p.category().title());
        System.out.println("ОВЗ:            " + (p.specialNeeds() ? "да, +" + p.extraMinutes() + " мин" : "нет"));
        System.out.println("Согласие на ПДн: " + (p.consentDate() == null ? "не получено" : p.consentDate()));
        return null;
    }
}
