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
        print("Id:             " + p.id());
        print("ФИО:            " + p.fullName());
        print("Дата рождения:  " + p.birthDate());
        print("Пол:            " + (p.sex() == org.attesta.api.registry.Sex.MALE ? "М" : "Ж"));
        print("Документ:       " + p.document().type().title() + " "
                + (p.document().series() == null ? "" : p.document().series() + " ") + p.document().number());
        print("СНИЛС:          " + (p.snils() == null ? "—" : p.snils()));
        print("ОО, класс:      " + p.schoolCode() + ", " + p.className());
        print("Категория:      " + p.category().title());
        print("ОВЗ:            " + (p.specialNeeds() ? "да, +" + p.extraMinutes() + " мин" : "нет"));
        print("Согласие на ПДн: " + (p.consentDate() == null ? "не получено" : p.consentDate()));
        return null;
    }
}
