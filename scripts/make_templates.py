#!/usr/bin/env python3
"""Writes the bundled example blueprints, assets/templates/NAME.{en,es}.json.

Each template is written once here with both languages side by side, so the
English and Spanish versions always share their structure and ids. Every file
is read and written back by `servuction` itself, so it is validated and in the
canonical form the app writes.

    python3 scripts/make_templates.py [path/to/servuction]
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

LANE_COLOURS = {
    "physical_support": "#ece6f6",
    "customer": "#fdf1cf",
    "other_customers": "#fbe3d6",
    "contact_personnel": "#dcecf9",
    "contact_backstage": "#e0f0e6",
    "back_office": "#ececec",
}

LANE_NAMES = {
    "physical_support": ("Physical support", "Soporte físico"),
    "customer": ("Customer", "Cliente"),
    "other_customers": ("Other customers", "Otros clientes"),
    "contact_personnel": ("Contact personnel", "Personal en contacto"),
    "contact_backstage": ("Backstage staff", "Personal de trastienda"),
    "back_office": ("Back office and support systems", "Organización interna y sistemas"),
}

LANE_IDS = {
    "physical_support": "lane-physical",
    "customer": "lane-customer",
    "other_customers": "lane-others",
    "contact_personnel": "lane-contact",
    "contact_backstage": "lane-backstage",
    "back_office": "lane-backoffice",
}


class Template:
    def __init__(self, name, title, description, contact, lanes, names=None):
        self.name = name
        self.title = title
        self.description = description
        self.contact = contact
        self.lanes = lanes
        self.names = names or {}
        self.stages = []  # (id, (en, es), [steps])
        self.touchpoints = []
        self.connectors = []
        self.standards = []

    def stage(self, sid, name):
        self.stages.append((sid, name, []))

    def step(self, sid, name, duration=None):
        self.stages[-1][2].append((sid, name, duration))

    def tp(self, tid, lane, step, title, description=None, moment=None, fail=False,
           wait=None, owner=None, duration=None, feeling=None, evidence="observed",
           protocol=None):
        self.touchpoints.append(dict(id=tid, lane=lane, step=step, title=title,
                                     description=description, moment=moment, fail=fail,
                                     wait=wait, owner=owner, duration=duration,
                                     feeling=feeling, evidence=evidence, protocol=protocol))

    def con(self, cid, frm, to, kind="flow", label=None):
        self.connectors.append(dict(id=cid, frm=frm, to=to, kind=kind, label=label))

    def std(self, sid, tp, statement, indicator, unit, direction, target, tolerance,
            method, owner, values):
        self.standards.append(dict(id=sid, tp=tp, statement=statement, indicator=indicator,
                                   unit=unit, direction=direction, target=target,
                                   tolerance=tolerance, method=method, owner=owner,
                                   values=values))

    def document(self, lang):
        i = 0 if lang == "en" else 1

        def t(pair):
            if pair is None:
                return None
            return pair[i] if isinstance(pair, tuple) else pair

        def num(v):
            return None if v is None else float(v)

        def put(obj, key, value):
            if value not in (None, "", False):
                obj[key] = value

        bp = {"title": t(self.title)}
        put(bp, "description", t(self.description))
        bp["language"] = lang
        bp["contact_level"] = self.contact
        bp["stages"] = []
        for sid, name, steps in self.stages:
            stage = {"id": sid, "name": t(name), "steps": []}
            for pid, pname, duration in steps:
                step = {"id": pid, "name": t(pname)}
                put(step, "duration_min", num(duration))
                stage["steps"].append(step)
            bp["stages"].append(stage)
        bp["lanes"] = []
        for kind in self.lanes:
            bp["lanes"].append({"id": LANE_IDS[kind], "kind": kind,
                                "name": t(self.names.get(kind, LANE_NAMES[kind])),
                                "colour": LANE_COLOURS[kind]})
        above_interaction = "other_customers" if "other_customers" in self.lanes else "customer"
        bp["lines"] = [
            {"kind": "interaction", "after_lane": LANE_IDS[above_interaction]},
            {"kind": "visibility", "after_lane": LANE_IDS["contact_personnel"]},
            {"kind": "internal_interaction", "after_lane": LANE_IDS["contact_backstage"]},
        ]
        bp["touchpoints"] = []
        for tp in self.touchpoints:
            o = {"id": tp["id"], "lane": LANE_IDS[tp["lane"]], "step": tp["step"], "title": t(tp["title"])}
            put(o, "description", t(tp["description"]))
            put(o, "moment_of_truth", tp["moment"])
            put(o, "fail_point", tp["fail"])
            put(o, "wait_point", tp["wait"] is not None)
            put(o, "expected_wait_min", num(tp["wait"]))
            put(o, "owner", t(tp["owner"]))
            put(o, "duration_min", num(tp["duration"]))
            if tp["feeling"] is not None:
                o["feeling"] = tp["feeling"]
            o["evidence"] = tp["evidence"]
            put(o, "protocol", t(tp["protocol"]))
            bp["touchpoints"].append(o)
        bp["connectors"] = []
        for c in self.connectors:
            o = {"id": c["id"], "from": c["frm"], "to": c["to"], "kind": c["kind"]}
            put(o, "label", t(c["label"]))
            bp["connectors"].append(o)
        bp["standards"] = []
        for s in self.standards:
            o = {"id": s["id"], "touchpoint": s["tp"], "statement": t(s["statement"])}
            put(o, "indicator", t(s["indicator"]))
            put(o, "unit", t(s["unit"]))
            o["direction"] = s["direction"]
            put(o, "target", num(s["target"]))
            put(o, "tolerance", num(s["tolerance"]))
            put(o, "method", s["method"])
            put(o, "owner", t(s["owner"]))
            if s["values"]:
                o["measurements"] = [{"date": d, "value": float(v)} for d, v in s["values"]]
            bp["standards"].append(o)
        return {"format": "servuction", "version": 5, "blueprint": bp}


HIGHER, LOWER = "higher_is_better", "lower_is_better"


def hotel():
    h = Template(
        "hotel",
        ("Hotel stay", "Estancia en el hotel"),
        ("A guest's stay from arrival to check-out in a city hotel: the moments of truth at "
         "check-in and check-out, the invisible work of reservations, housekeeping and billing, "
         "and the standards the front office is measured against.",
         "La estancia de un huésped en un hotel urbano, de la llegada a la salida: los momentos "
         "de la verdad del registro de entrada y de salida, el trabajo invisible de reservas, "
         "pisos y facturación, y los estándares con que se mide la recepción."),
        "high",
        ["physical_support", "customer", "contact_personnel", "contact_backstage", "back_office"],
        names={"customer": ("Guest", "Huésped")},
    )
    fom = ("Front office manager", "Jefe de recepción")
    bell = ("Bell captain", "Jefe de botones")
    hk = ("Executive housekeeper", "Gobernanta general")
    duty = ("Duty manager", "Gerente de turno")
    h.stage("stage-arrival", ("Arrival", "Llegada"))
    h.step("step-arrive", ("Arrives at the hotel", "Llega al hotel"), 3)
    h.step("step-luggage", ("Hands over the luggage", "Entrega el equipaje"), 2)
    h.stage("stage-checkin", ("Check-in", "Registro de entrada"))
    h.step("step-queue", ("Waits at reception", "Espera en recepción"))
    h.step("step-register", ("Registers", "Se registra"), 5)
    h.step("step-key", ("Receives the key", "Recibe la llave"), 2)
    h.stage("stage-stay", ("Stay", "Estancia"))
    h.step("step-room", ("Goes up to the room", "Sube a la habitación"), 5)
    h.step("step-settle", ("Settles in", "Se instala"), 15)
    h.step("step-request", ("Asks for a service", "Pide un servicio"), 5)
    h.step("step-breakfast", ("Has breakfast", "Desayuna"), 30)
    h.stage("stage-checkout", ("Check-out", "Salida"))
    h.step("step-bill", ("Asks for the bill", "Pide la cuenta"), 3)
    h.step("step-pay", ("Pays and returns the key", "Paga y devuelve la llave"))
    h.step("step-leave", ("Leaves the hotel", "Sale del hotel"), 2)

    C, P, S, B, O = "customer", "physical_support", "contact_personnel", "contact_backstage", "back_office"
    # Arrival
    h.tp("tp-arrive-guest", C, "step-arrive", ("Arrives by car or taxi", "Llega en coche o taxi"), feeling=1)
    h.tp("tp-arrive-entrance", P, "step-arrive", ("Entrance, signage and drop-off area", "Entrada, señalización y zona de descarga"))
    h.tp("tp-arrive-doorman", S, "step-arrive", ("Doorman greets the guest", "El portero saluda al huésped"),
         ("Opens the car door, welcomes by name when the arrival list allows it.",
          "Abre la puerta del coche y da la bienvenida por el nombre cuando la lista de llegadas lo permite."),
         moment="moment", owner=bell)
    h.tp("tp-arrive-list", O, "step-arrive", ("Arrival list from the reservation system", "Lista de llegadas del sistema de reservas"))
    h.tp("tp-luggage-guest", C, "step-luggage", ("Hands the bags to the bellhop", "Entrega las maletas al botones"), feeling=0)
    h.tp("tp-luggage-cart", P, "step-luggage", ("Luggage cart and tags", "Carro portaequipajes y etiquetas"))
    h.tp("tp-luggage-bellhop", S, "step-luggage", ("Bellhop tags and keeps the bags", "El botones etiqueta y guarda las maletas"),
         ("Bags can be mixed up when several guests arrive together.",
          "Las maletas pueden confundirse cuando llegan varios huéspedes a la vez."),
         fail=True, owner=bell)
    h.tp("tp-luggage-log", B, "step-luggage", ("Bell desk logs the bags", "La conserjería registra las maletas"), evidence="assumed")
    # Check-in
    h.tp("tp-queue-guest", C, "step-queue", ("Waits in line at reception", "Hace cola en recepción"), wait=4, feeling=-1)
    h.tp("tp-queue-lobby", P, "step-queue", ("Lobby, queue area and seating", "Vestíbulo, zona de espera y asientos"))
    h.tp("tp-queue-receptionist", S, "step-queue", ("Receptionist acknowledges waiting guests", "El recepcionista atiende con la mirada a quien espera"),
         evidence="proposed")
    h.tp("tp-queue-roster", O, "step-queue", ("Front desk staffing roster", "Cuadrante de personal de recepción"))
    h.tp("tp-register-guest", C, "step-register", ("Gives name, ID and card", "Da su nombre, documento y tarjeta"), feeling=0)
    h.tp("tp-register-desk", P, "step-register", ("Desk, registration card and card terminal", "Mostrador, ficha de registro y datáfono"))
    h.tp("tp-register-receptionist", S, "step-register", ("Receptionist registers the guest", "El recepcionista registra al huésped"),
         ("The reservation is sometimes not found under the guest's name.",
          "A veces la reserva no aparece a nombre del huésped."),
         moment="critical", fail=True, owner=fom, duration=4, protocol=("PRO-02 Check-in", "PRO-02 Registro de entrada"))
    h.tp("tp-register-pms", B, "step-register", ("Receptionist looks up the reservation", "El recepcionista busca la reserva en el sistema"))
    h.tp("tp-register-status", O, "step-register", ("Housekeeping reports the room status", "Pisos informa del estado de la habitación"))
    h.tp("tp-key-guest", C, "step-key", ("Receives the key and hotel information", "Recibe la llave y la información del hotel"), feeling=1)
    h.tp("tp-key-card", P, "step-key", ("Key card and welcome folder", "Tarjeta llave y carpeta de bienvenida"))
    h.tp("tp-key-receptionist", S, "step-key", ("Receptionist explains the services and hands over the key", "El recepcionista explica los servicios y entrega la llave"),
         moment="moment", owner=fom)
    h.tp("tp-key-encode", B, "step-key", ("Key card encoded for the room", "Codificación de la tarjeta para la habitación"))
    # Stay
    h.tp("tp-room-guest", C, "step-room", ("Goes up to the room", "Sube a la habitación"), feeling=1)
    h.tp("tp-room-corridors", P, "step-room", ("Lifts, corridors and room signs", "Ascensores, pasillos y señalización"))
    h.tp("tp-room-bellhop", S, "step-room", ("Bellhop brings the bags", "El botones sube las maletas"), owner=bell)
    h.tp("tp-room-ready", O, "step-room", ("Housekeeping readies the room", "Pisos prepara la habitación"), owner=hk)
    h.tp("tp-settle-guest", C, "step-settle", ("Enters and settles in the room", "Entra y se instala en la habitación"), moment="moment", feeling=2)
    h.tp("tp-settle-room", P, "step-settle", ("Clean room, bed, bathroom and Wi-Fi", "Habitación limpia, cama, baño y wifi"))
    h.tp("tp-settle-inspection", B, "step-settle", ("Supervisor inspects the room", "La supervisora revisa la habitación"), owner=hk)
    h.tp("tp-settle-maintenance", O, "step-settle", ("Maintenance keeps the room working", "Mantenimiento mantiene la habitación a punto"), evidence="assumed")
    h.tp("tp-request-guest", C, "step-request", ("Calls reception with a request or complaint", "Llama a recepción con una petición o una queja"), feeling=-1)
    h.tp("tp-request-phone", P, "step-request", ("Room phone and service directory", "Teléfono de la habitación y directorio de servicios"))
    h.tp("tp-request-receptionist", S, "step-request", ("Receptionist takes the request", "El recepcionista recoge la petición"),
         moment="moment", fail=True, owner=duty, protocol=("PRO-07 Complaint handling", "PRO-07 Gestión de quejas"))
    h.tp("tp-request-dispatch", B, "step-request", ("Request passed to the right department", "La petición pasa al departamento que corresponde"))
    h.tp("tp-request-solve", O, "step-request", ("Department solves the request", "El departamento resuelve la petición"))
    h.tp("tp-breakfast-guest", C, "step-breakfast", ("Has breakfast", "Desayuna"), feeling=1, duration=30)
    h.tp("tp-breakfast-room", P, "step-breakfast", ("Restaurant, buffet and tableware", "Restaurante, bufé y vajilla"))
    h.tp("tp-breakfast-waiter", S, "step-breakfast", ("Waiter seats the guest and serves coffee", "El camarero acomoda al huésped y sirve el café"))
    h.tp("tp-breakfast-kitchen", O, "step-breakfast", ("Kitchen prepares and restocks the buffet", "Cocina prepara y repone el bufé"),
         owner=("Head chef", "Jefe de cocina"))
    # Check-out
    h.tp("tp-bill-guest", C, "step-bill", ("Asks for the bill", "Pide la cuenta"), feeling=0)
    h.tp("tp-bill-document", P, "step-bill", ("Printed or e-mailed bill", "Factura impresa o por correo"))
    h.tp("tp-bill-cashier", S, "step-bill", ("Cashier prints and explains the bill", "El cajero imprime y explica la factura"),
         ("Minibar and restaurant charges are the usual source of disputes.",
          "Los cargos de minibar y restaurante son la fuente habitual de reclamaciones."),
         moment="critical", fail=True, owner=fom, protocol=("PRO-09 Check-out", "PRO-09 Salida"))
    h.tp("tp-bill-folio", O, "step-bill", ("Billing system gathers the room charges", "El sistema de facturación reúne los cargos"))
    h.tp("tp-pay-guest", C, "step-pay", ("Pays and returns the key", "Paga y devuelve la llave"), moment="critical", wait=3, feeling=0, duration=3)
    h.tp("tp-pay-terminal", P, "step-pay", ("Card terminal and receipt", "Datáfono y recibo"))
    h.tp("tp-pay-cashier", S, "step-pay", ("Cashier takes the payment and thanks the guest", "El cajero cobra y da las gracias"), owner=fom)
    h.tp("tp-pay-accounts", O, "step-pay", ("Accounts closes the folio", "Contabilidad cierra la cuenta"))
    h.tp("tp-leave-guest", C, "step-leave", ("Collects the bags and leaves", "Recoge las maletas y se va"), feeling=1)
    h.tp("tp-leave-entrance", P, "step-leave", ("Entrance and taxi rank", "Entrada y parada de taxis"))
    h.tp("tp-leave-doorman", S, "step-leave", ("Doorman says goodbye and calls a taxi", "El portero se despide y pide un taxi"), moment="moment", owner=bell)
    h.tp("tp-leave-survey", O, "step-leave", ("Satisfaction survey sent by e-mail", "Envío de la encuesta de satisfacción"), evidence="proposed")

    journey = ["arrive", "luggage", "queue", "register", "key", "room", "settle", "request", "breakfast", "bill", "pay", "leave"]
    for a, b in zip(journey, journey[1:]):
        h.con(f"con-journey-{a}", f"tp-{a}-guest", f"tp-{b}-guest")
    for step, staff in [("arrive", "doorman"), ("luggage", "bellhop"), ("queue", "receptionist"), ("register", "receptionist"),
                        ("key", "receptionist"), ("room", "bellhop"), ("request", "receptionist"), ("breakfast", "waiter"),
                        ("bill", "cashier"), ("pay", "cashier"), ("leave", "doorman")]:
        h.con(f"con-serve-{step}", f"tp-{step}-guest", f"tp-{step}-{staff}")
    dep = "dependency"
    h.con("con-support-arrival-list", "tp-arrive-list", "tp-arrive-doorman", dep, ("arrival list", "lista de llegadas"))
    h.con("con-support-bag-log", "tp-luggage-bellhop", "tp-luggage-log", "flow", ("bag tag", "etiqueta"))
    h.con("con-recover-bags", "tp-luggage-log", "tp-luggage-bellhop", "feedback", ("find mixed-up bags", "localizar maletas confundidas"))
    h.con("con-support-roster", "tp-queue-roster", "tp-queue-receptionist", dep, ("staff on shift", "personal de turno"))
    h.con("con-support-lookup", "tp-register-pms", "tp-register-receptionist", dep, ("reservation", "reserva"))
    h.con("con-support-room-status", "tp-register-status", "tp-register-receptionist", dep, ("room ready?", "¿habitación lista?"))
    h.con("con-recover-reservation", "tp-register-receptionist", "tp-register-pms", "feedback", ("search again / re-book", "buscar de nuevo / reservar"))
    h.con("con-support-key", "tp-key-encode", "tp-key-receptionist", dep)
    h.con("con-support-room", "tp-room-ready", "tp-room-bellhop", dep, ("room number", "número de habitación"))
    h.con("con-support-inspection", "tp-settle-inspection", "tp-settle-guest", dep, ("inspected room", "habitación revisada"))
    h.con("con-support-maintenance", "tp-settle-maintenance", "tp-settle-inspection", dep)
    h.con("con-request-dispatch", "tp-request-receptionist", "tp-request-dispatch", "flow")
    h.con("con-request-solve", "tp-request-dispatch", "tp-request-solve", "flow")
    h.con("con-recover-request", "tp-request-solve", "tp-request-guest", "feedback", ("call back the guest", "llamar al huésped"))
    h.con("con-support-buffet", "tp-breakfast-kitchen", "tp-breakfast-waiter", dep)
    h.con("con-support-folio", "tp-bill-folio", "tp-bill-cashier", dep, ("folio", "cuenta"))
    h.con("con-pay-close", "tp-pay-cashier", "tp-pay-accounts", "flow")
    h.con("con-leave-survey", "tp-leave-doorman", "tp-leave-survey", "flow", ("check-out done", "salida hecha"))

    pct = "%"
    h.std("std-greet-30s", "tp-arrive-doorman",
          ("Guest greeted at the door within 30 s of arriving", "Huésped saludado en la puerta en menos de 30 s"),
          ("% of guests greeted within 30 s", "% de huéspedes saludados en menos de 30 s"), pct, HIGHER, 95, 5, "mystery_shopper", bell,
          [("2026-01-15", 92), ("2026-02-15", 94), ("2026-03-15", 96), ("2026-04-15", 97)])
    h.std("std-queue-5min", "tp-queue-guest",
          ("No guest waits more than 5 min at reception", "Ningún huésped espera más de 5 min en recepción"),
          ("Average wait at reception", "Espera media en recepción"), "min", LOWER, 5, 1, "timing", fom,
          [("2026-01-31", 6.5), ("2026-02-28", 5.8), ("2026-03-31", 5.6)])
    h.std("std-checkin-4min", "tp-register-receptionist",
          ("Check-in completed within 4 min", "Registro de entrada completado en 4 min"),
          ("Average check-in time", "Tiempo medio de registro"), "min", LOWER, 4, 1, "timing", fom,
          [("2026-01-31", 4.8), ("2026-02-28", 4.2), ("2026-03-31", 3.6)])
    h.std("std-reservation-found", "tp-register-receptionist",
          ("Reservation found at the first attempt", "Reserva encontrada al primer intento"),
          ("% of reservations found at the first attempt", "% de reservas encontradas al primer intento"), pct, HIGHER, 99, 1, "other", fom,
          [("2026-02-28", 97.5), ("2026-03-31", 97.0)])
    h.std("std-bags-10min", "tp-luggage-bellhop",
          ("Bags in the room within 10 min of check-in", "Maletas en la habitación antes de 10 min tras el registro"),
          ("% of bags delivered within 10 min", "% de maletas entregadas en 10 min"), pct, HIGHER, 95, 5, "timing", bell,
          [("2026-02-28", 88), ("2026-03-31", 91)])
    h.std("std-room-ready-15h", "tp-room-ready",
          ("Room ready at the check-in time (15:00)", "Habitación lista a la hora de entrada (15:00)"),
          ("% of rooms ready at 15:00", "% de habitaciones listas a las 15:00"), pct, HIGHER, 98, 2, "timing", hk,
          [("2026-01-31", 93), ("2026-02-28", 95), ("2026-03-31", 96.5)])
    h.std("std-room-clean", "tp-settle-guest",
          ("Room clean and complete on arrival", "Habitación limpia y completa a la llegada"),
          ("Cleanliness score (1 to 5)", "Puntuación de limpieza (1 a 5)"), ("points", "puntos"), HIGHER, 4.5, 0.2, "survey", hk,
          [("2026-02-28", 4.6), ("2026-03-31", 4.7)])
    h.std("std-complaint-15min", "tp-request-receptionist",
          ("Every complaint answered within 15 min", "Toda queja respondida en menos de 15 min"),
          ("% of complaints answered within 15 min", "% de quejas respondidas en 15 min"), pct, HIGHER, 90, 5, "complaints_and_claims", duty,
          [("2026-02-28", 78), ("2026-03-31", 82)])
    h.std("std-buffet-stocked", "tp-breakfast-kitchen",
          ("The buffet is never empty for more than 5 min", "El bufé nunca está vacío más de 5 min"),
          ("% of checks with the buffet fully stocked", "% de controles con el bufé completo"), pct, HIGHER, 95, 3, "mystery_shopper",
          ("Head chef", "Jefe de cocina"), [])
    h.std("std-bill-accuracy", "tp-bill-cashier",
          ("Bills without errors", "Facturas sin errores"),
          ("% of bills without disputed charges", "% de facturas sin cargos reclamados"), pct, HIGHER, 99, 0.5, "complaints_and_claims", fom,
          [("2026-02-28", 99.2), ("2026-03-31", 99.6)])
    h.std("std-checkout-3min", "tp-pay-guest",
          ("Check-out in under 3 min", "Salida en menos de 3 min"),
          ("Average check-out time", "Tiempo medio de salida"), "min", LOWER, 3, 0.5, "timing", fom,
          [("2026-02-28", 3.4), ("2026-03-31", 2.8)])
    return h


def bank():
    b = Template(
        "bank",
        ("Bank branch visit", "Visita a una sucursal bancaria"),
        ("A customer visits a branch to open an account or ask about a product: the queue, "
         "the other customers in the room, the advisor's conversation and the systems behind it.",
         "Un cliente visita una sucursal para abrir una cuenta o preguntar por un producto: la cola, "
         "los otros clientes en la sala, la conversación con el asesor y los sistemas que hay detrás."),
        "medium",
        ["physical_support", "customer", "other_customers", "contact_personnel", "contact_backstage", "back_office"],
        names={"contact_personnel": ("Branch staff", "Personal de la sucursal")},
    )
    mgr = ("Branch manager", "Director de la sucursal")
    it = ("IT operations", "Operaciones de sistemas")
    b.stage("stage-arrival", ("Arrival", "Llegada"))
    b.step("step-enter", ("Enters the branch", "Entra en la sucursal"), 1)
    b.step("step-ticket", ("Takes a queue ticket", "Saca un número"), 1)
    b.stage("stage-waiting", ("Waiting", "Espera"))
    b.step("step-wait", ("Waits for their turn", "Espera su turno"))
    b.stage("stage-service", ("Service", "Atención"))
    b.step("step-advisor", ("Explains what they need", "Explica lo que necesita"), 15)
    b.step("step-sign", ("Signs the documents", "Firma los documentos"), 10)
    b.stage("stage-after", ("Leaving and follow-up", "Salida y seguimiento"))
    b.step("step-leave", ("Leaves the branch", "Sale de la sucursal"), 1)
    b.step("step-followup", ("Gets a follow-up", "Recibe el seguimiento"), 5)
    C, X, P, S, B, O = "customer", "other_customers", "physical_support", "contact_personnel", "contact_backstage", "back_office"
    b.tp("tp-enter-customer", C, "step-enter", ("Enters the branch", "Entra en la sucursal"), feeling=0)
    b.tp("tp-enter-premises", P, "step-enter", ("Entrance, ATM lobby and opening hours", "Entrada, cajeros y horario"))
    b.tp("tp-enter-greeter", S, "step-enter", ("Greeter welcomes and asks the purpose of the visit", "El anfitrión saluda y pregunta el motivo de la visita"),
         moment="moment", owner=mgr, evidence="proposed")
    b.tp("tp-enter-checklist", O, "step-enter", ("Branch opening checklist", "Lista de apertura de la sucursal"), evidence="assumed")
    b.tp("tp-ticket-customer", C, "step-ticket", ("Takes a ticket at the kiosk", "Saca un número en el expendedor"), feeling=0)
    b.tp("tp-ticket-kiosk", P, "step-ticket", ("Queue kiosk and ticket", "Expendedor de turnos y tique"))
    b.tp("tp-ticket-system", O, "step-ticket", ("Queue system assigns a number and a desk", "El sistema de turnos asigna número y puesto"))
    b.tp("tp-wait-customer", C, "step-wait", ("Waits in the seating area", "Espera sentado"), wait=10, feeling=-1)
    b.tp("tp-wait-others", X, "step-wait", ("Other customers queue, talk on the phone", "Otros clientes hacen cola y hablan por teléfono"))
    b.tp("tp-wait-room", P, "step-wait", ("Seats, screen calling numbers, brochures", "Asientos, pantalla de turnos, folletos"))
    b.tp("tp-wait-balance", O, "step-wait", ("Queue system balances the desks", "El sistema de turnos reparte la carga entre puestos"))
    b.tp("tp-advisor-customer", C, "step-advisor", ("Explains what they need", "Explica lo que necesita"), moment="critical", feeling=0)
    b.tp("tp-advisor-others", X, "step-advisor", ("Other customers at the next desk can overhear", "Otros clientes en el puesto de al lado pueden oír"))
    b.tp("tp-advisor-desk", P, "step-advisor", ("Desk, screen and card reader", "Mesa, pantalla y lector de tarjetas"))
    b.tp("tp-advisor-staff", S, "step-advisor", ("Advisor identifies the customer and offers a solution", "El asesor identifica al cliente y le ofrece una solución"),
         moment="critical", owner=mgr, duration=15, protocol=("PRO-03 Customer identification", "PRO-03 Identificación del cliente"))
    b.tp("tp-advisor-file", B, "step-advisor", ("Advisor checks the customer's file", "El asesor consulta la ficha del cliente"))
    b.tp("tp-advisor-core", O, "step-advisor", ("Core banking system", "Sistema central del banco"),
         ("Slow or down at month-end peaks.", "Lento o caído en los picos de fin de mes."), fail=True, owner=it)
    b.tp("tp-sign-customer", C, "step-sign", ("Reads and signs the documents", "Lee y firma los documentos"), feeling=-1)
    b.tp("tp-sign-contract", P, "step-sign", ("Contract and signature pad", "Contrato y tableta de firma"))
    b.tp("tp-sign-staff", S, "step-sign", ("Advisor explains the conditions", "El asesor explica las condiciones"), moment="moment", owner=mgr)
    b.tp("tp-sign-compliance", O, "step-sign", ("Compliance checks the documentation", "Cumplimiento normativo revisa la documentación"))
    b.tp("tp-leave-customer", C, "step-leave", ("Leaves the branch", "Sale de la sucursal"), feeling=1)
    b.tp("tp-leave-copy", P, "step-leave", ("Copy of the contract and receipt", "Copia del contrato y justificante"))
    b.tp("tp-leave-greeter", S, "step-leave", ("Greeter says goodbye", "El anfitrión se despide"), evidence="proposed")
    b.tp("tp-leave-crm", O, "step-leave", ("Visit recorded in the CRM", "Visita registrada en el CRM"))
    b.tp("tp-followup-customer", C, "step-followup", ("Receives a follow-up call or e-mail", "Recibe una llamada o un correo de seguimiento"),
         moment="moment", feeling=1)
    b.tp("tp-followup-channel", P, "step-followup", ("E-mail and app notification", "Correo y aviso en la app"))
    b.tp("tp-followup-crm", O, "step-followup", ("CRM schedules the follow-up", "El CRM programa el seguimiento"))

    journey = ["enter", "ticket", "wait", "advisor", "sign", "leave", "followup"]
    for a, c in zip(journey, journey[1:]):
        b.con(f"con-journey-{a}", f"tp-{a}-customer", f"tp-{c}-customer")
    dep = "dependency"
    b.con("con-serve-enter", "tp-enter-customer", "tp-enter-greeter")
    b.con("con-support-opening", "tp-enter-checklist", "tp-enter-greeter", dep)
    b.con("con-support-ticket", "tp-ticket-system", "tp-ticket-customer", dep, ("number", "número"))
    b.con("con-support-wait", "tp-wait-balance", "tp-wait-customer", dep, ("call on screen", "llamada en pantalla"))
    b.con("con-serve-advisor", "tp-advisor-customer", "tp-advisor-staff")
    b.con("con-support-file", "tp-advisor-file", "tp-advisor-staff", dep)
    b.con("con-support-core", "tp-advisor-core", "tp-advisor-file", dep)
    b.con("con-recover-core", "tp-advisor-core", "tp-advisor-staff", "feedback", ("fallback procedure", "procedimiento alternativo"))
    b.con("con-serve-sign", "tp-sign-customer", "tp-sign-staff")
    b.con("con-support-compliance", "tp-sign-staff", "tp-sign-compliance", "flow", ("signed file", "expediente firmado"))
    b.con("con-serve-leave", "tp-leave-customer", "tp-leave-greeter")
    b.con("con-record-visit", "tp-leave-greeter", "tp-leave-crm", "flow")
    b.con("con-support-followup", "tp-followup-crm", "tp-followup-customer", dep)

    pct = "%"
    b.std("std-served-10min", "tp-wait-customer",
          ("Customers served within 10 min of taking a ticket", "Clientes atendidos antes de 10 min desde que sacan número"),
          ("% of customers served within 10 min", "% de clientes atendidos en 10 min"), pct, HIGHER, 85, 5, "timing", mgr,
          [("2026-01-31", 78), ("2026-02-28", 81)])
    b.std("std-greeted", "tp-enter-greeter",
          ("Every customer greeted on entering", "Todo cliente saludado al entrar"),
          ("% of visits with a greeting (mystery shopper)", "% de visitas con saludo (cliente misterioso)"), pct, HIGHER, 100, 10, "mystery_shopper", mgr,
          [("2026-01-31", 100), ("2026-03-31", 100)])
    b.std("std-understood", "tp-advisor-customer",
          ("The customer understands the answer they get", "El cliente entiende la respuesta que recibe"),
          ("Satisfaction with the explanation (1 to 5)", "Satisfacción con la explicación (1 a 5)"), ("points", "puntos"), HIGHER, 4.3, 0.2, "survey", mgr,
          [("2026-03-31", 4.4)])
    b.std("std-first-visit", "tp-advisor-staff",
          ("Request solved in the first visit", "Gestión resuelta en la primera visita"),
          ("% of requests solved in the first visit", "% de gestiones resueltas en la primera visita"), pct, HIGHER, 80, 5, "survey", mgr,
          [("2026-02-28", 71), ("2026-03-31", 73)])
    b.std("std-core-uptime", "tp-advisor-core",
          ("Core banking available during opening hours", "Sistema central disponible en horario de oficina"),
          ("% availability in opening hours", "% de disponibilidad en horario"), pct, HIGHER, 99.5, 0.3, "other", it,
          [("2026-03-31", 99.1)])
    b.std("std-documents-ok", "tp-sign-staff",
          ("Contracts signed without documentation errors", "Contratos firmados sin errores de documentación"),
          ("% of contracts without errors", "% de contratos sin errores"), pct, HIGHER, 98, 1, "other", mgr, [])
    b.std("std-followup-48h", "tp-followup-customer",
          ("Follow-up within 48 h of the visit", "Seguimiento antes de 48 h tras la visita"),
          ("% of follow-ups within 48 h", "% de seguimientos en 48 h"), pct, HIGHER, 90, 5, "timing", mgr,
          [("2026-03-31", 92)])
    return b


def delivery():
    d = Template(
        "delivery",
        ("Online order with home delivery", "Pedido en línea con entrega a domicilio"),
        ("A low-contact service: the customer meets almost nobody, so the app, the parcel and "
         "the courier carry the whole experience, and the invisible chain behind them decides it.",
         "Un servicio de bajo contacto: el cliente casi no ve a nadie, así que la app, el paquete y "
         "el repartidor sostienen toda la experiencia, y la cadena invisible que hay detrás la decide."),
        "low",
        ["physical_support", "customer", "contact_personnel", "contact_backstage", "back_office"],
        names={"contact_personnel": ("Courier and customer service", "Repartidor y atención al cliente"),
               "contact_backstage": ("Warehouse staff", "Personal de almacén"),
               "back_office": ("Systems and partners", "Sistemas y socios")},
    )
    ecom = ("E-commerce manager", "Responsable de comercio electrónico")
    wh = ("Warehouse supervisor", "Jefe de almacén")
    cs = ("Customer service lead", "Responsable de atención al cliente")
    carrier = ("Carrier account manager", "Gestor de la empresa de transporte")
    d.stage("stage-order", ("Order", "Pedido"))
    d.step("step-browse", ("Browses and chooses", "Navega y elige"), 12)
    d.step("step-pay", ("Pays", "Paga"), 3)
    d.stage("stage-prepare", ("Preparation", "Preparación"))
    d.step("step-confirm", ("Gets the confirmation", "Recibe la confirmación"))
    d.step("step-prepare", ("Waits while the order is prepared", "Espera mientras se prepara el pedido"))
    d.stage("stage-delivery", ("Delivery", "Entrega"))
    d.step("step-track", ("Tracks the parcel", "Sigue el envío"), 2)
    d.step("step-receive", ("Receives the parcel", "Recibe el paquete"), 2)
    d.stage("stage-after", ("After-sales", "Posventa"))
    d.step("step-return", ("Asks for a return", "Pide una devolución"), 10)
    C, P, S, B, O = "customer", "physical_support", "contact_personnel", "contact_backstage", "back_office"
    d.tp("tp-browse-customer", C, "step-browse", ("Browses and chooses products", "Navega y elige productos"), feeling=1)
    d.tp("tp-browse-app", P, "step-browse", ("App or website, product photos and reviews", "App o web, fotos y opiniones"))
    d.tp("tp-browse-catalogue", O, "step-browse", ("Catalogue and stock system", "Catálogo y sistema de existencias"))
    d.tp("tp-pay-customer", C, "step-pay", ("Pays online", "Paga en línea"), moment="critical", feeling=0)
    d.tp("tp-pay-checkout", P, "step-pay", ("Checkout page and payment form", "Página de pago y formulario"))
    d.tp("tp-pay-gateway", O, "step-pay", ("Payment gateway authorises the card", "La pasarela de pago autoriza la tarjeta"),
         ("Cards are sometimes refused by the bank's 3-D Secure step.",
          "A veces el banco rechaza la tarjeta en el paso de verificación segura."), fail=True, owner=ecom)
    d.tp("tp-confirm-customer", C, "step-confirm", ("Receives the order confirmation", "Recibe la confirmación del pedido"), moment="moment", feeling=1)
    d.tp("tp-confirm-email", P, "step-confirm", ("Confirmation e-mail with the delivery date", "Correo de confirmación con la fecha de entrega"))
    d.tp("tp-confirm-oms", O, "step-confirm", ("Order system sends the confirmation", "El sistema de pedidos envía la confirmación"))
    d.tp("tp-prepare-customer", C, "step-prepare", ("Waits for the dispatch", "Espera el envío"), wait=1440, feeling=0)
    d.tp("tp-prepare-status", P, "step-prepare", ("Order status page", "Página de estado del pedido"))
    d.tp("tp-prepare-picker", B, "step-prepare", ("Picker picks and packs the order", "El preparador recoge y embala el pedido"),
         ("A wrong or missing item is the most common complaint.",
          "Un artículo equivocado o que falta es la queja más frecuente."), fail=True, owner=wh)
    d.tp("tp-prepare-wms", O, "step-prepare", ("Warehouse system prints the picking list", "El sistema de almacén imprime la lista de preparación"))
    d.tp("tp-track-customer", C, "step-track", ("Tracks the parcel", "Sigue el paquete"), feeling=0)
    d.tp("tp-track-page", P, "step-track", ("Tracking page and text messages", "Página de seguimiento y SMS"))
    d.tp("tp-track-carrier", O, "step-track", ("Carrier system updates the tracking", "El sistema del transportista actualiza el seguimiento"), evidence="assumed")
    d.tp("tp-receive-customer", C, "step-receive", ("Receives the parcel at the door", "Recibe el paquete en la puerta"), moment="critical", feeling=2)
    d.tp("tp-receive-parcel", P, "step-receive", ("Parcel, packaging and delivery note", "Paquete, embalaje y albarán"))
    d.tp("tp-receive-courier", S, "step-receive", ("Courier hands over the parcel", "El repartidor entrega el paquete"), moment="critical", owner=carrier)
    d.tp("tp-receive-route", O, "step-receive", ("Delivery route planned", "Planificación de la ruta de reparto"))
    d.tp("tp-return-customer", C, "step-return", ("Asks for a return or complains", "Pide una devolución o reclama"), moment="moment", feeling=-1)
    d.tp("tp-return-form", P, "step-return", ("Returns form and help chat", "Formulario de devolución y chat de ayuda"))
    d.tp("tp-return-agent", S, "step-return", ("Customer service agent handles the request", "El agente de atención gestiona la petición"),
         owner=cs, protocol=("PRO-11 Returns and refunds", "PRO-11 Devoluciones y reembolsos"))
    d.tp("tp-return-refund", O, "step-return", ("Refund processed in the payment system", "Reembolso tramitado en el sistema de pagos"), evidence="proposed")

    journey = ["browse", "pay", "confirm", "prepare", "track", "receive", "return"]
    for a, c in zip(journey, journey[1:]):
        d.con(f"con-journey-{a}", f"tp-{a}-customer", f"tp-{c}-customer")
    dep = "dependency"
    d.con("con-support-catalogue", "tp-browse-catalogue", "tp-browse-customer", dep, ("stock shown", "existencias"))
    d.con("con-support-gateway", "tp-pay-customer", "tp-pay-gateway", "flow", ("card details", "datos de la tarjeta"))
    d.con("con-recover-payment", "tp-pay-gateway", "tp-pay-customer", "feedback", ("retry with another card", "reintentar con otra tarjeta"))
    d.con("con-support-confirm", "tp-confirm-oms", "tp-confirm-customer", dep)
    d.con("con-support-picking", "tp-prepare-wms", "tp-prepare-picker", dep, ("picking list", "lista de preparación"))
    d.con("con-support-status", "tp-prepare-picker", "tp-prepare-customer", dep, ("packed", "embalado"))
    d.con("con-support-tracking", "tp-track-carrier", "tp-track-customer", dep)
    d.con("con-serve-receive", "tp-receive-customer", "tp-receive-courier")
    d.con("con-support-route", "tp-receive-route", "tp-receive-courier", dep)
    d.con("con-serve-return", "tp-return-customer", "tp-return-agent")
    d.con("con-support-refund", "tp-return-agent", "tp-return-refund", "flow")
    d.con("con-recover-picking", "tp-return-agent", "tp-prepare-picker", "feedback", ("wrong item reported", "artículo erróneo"))

    pct = "%"
    d.std("std-checkout-ok", "tp-pay-customer",
          ("Checkout completed without errors", "Pago completado sin errores"),
          ("% of started payments completed", "% de pagos iniciados que se completan"), pct, HIGHER, 98, 1, "other", ecom,
          [("2026-02-28", 97.6), ("2026-03-31", 98.4)])
    d.std("std-confirm-1min", "tp-confirm-customer",
          ("Confirmation e-mail within 1 min of paying", "Correo de confirmación antes de 1 min tras el pago"),
          ("% of confirmations within 1 min", "% de confirmaciones en 1 min"), pct, HIGHER, 99, 0.5, "timing", ecom,
          [("2026-03-31", 99.7)])
    d.std("std-dispatch-24h", "tp-prepare-customer",
          ("Orders dispatched within 24 h", "Pedidos enviados en menos de 24 h"),
          ("Average time to dispatch", "Tiempo medio hasta el envío"), "h", LOWER, 24, 4, "timing", wh,
          [("2026-02-28", 22), ("2026-03-31", 27)])
    d.std("std-picking-accuracy", "tp-prepare-picker",
          ("Orders picked without errors", "Pedidos preparados sin errores"),
          ("% of orders without a wrong or missing item", "% de pedidos sin artículos erróneos o faltantes"), pct, HIGHER, 99.5, 0.3, "complaints_and_claims", wh,
          [("2026-03-31", 99.0)])
    d.std("std-slot-kept", "tp-receive-courier",
          ("Parcel delivered in the promised slot", "Paquete entregado en la franja prometida"),
          ("% of deliveries in the slot", "% de entregas en la franja"), pct, HIGHER, 95, 3, "timing", carrier,
          [("2026-02-28", 90), ("2026-03-31", 93)])
    d.std("std-undamaged", "tp-receive-customer",
          ("Parcel arrives undamaged", "El paquete llega sin daños"),
          ("% of parcels without damage claims", "% de paquetes sin reclamaciones por daños"), pct, HIGHER, 99, 0.5, "complaints_and_claims", carrier, [])
    d.std("std-return-rating", "tp-return-customer",
          ("Customers rate the return experience as good", "Los clientes valoran bien la devolución"),
          ("% of ratings 4 or 5", "% de valoraciones 4 o 5"), pct, HIGHER, 80, 5, "survey", cs,
          [("2026-03-31", 83)])
    d.std("std-refund-5days", "tp-return-agent",
          ("Refund within 5 days of the return", "Reembolso antes de 5 días tras la devolución"),
          ("Average days to refund", "Días medios hasta el reembolso"), ("days", "días"), LOWER, 5, 1, "timing", cs,
          [("2026-02-28", 7.0), ("2026-03-31", 6.5)])
    return d


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "debug", "servuction")
    with tempfile.TemporaryDirectory() as tmp:
        empty_csv = os.path.join(tmp, "empty.csv")
        with open(empty_csv, "w") as f:
            f.write("standard_id,date,value\n")
        for template in (hotel(), bank(), delivery()):
            for lang in ("en", "es"):
                raw = os.path.join(tmp, f"{template.name}.{lang}.json")
                with open(raw, "w", encoding="utf-8") as f:
                    json.dump(template.document(lang), f, indent=2, ensure_ascii=False)
                out = os.path.join(ROOT, "assets", "templates", f"{template.name}.{lang}.json")
                # Read and written back by Servuction itself: validated and canonical.
                subprocess.run([exe, "import-measurements", raw, "--csv", empty_csv, "-o", out],
                               check=True, stdout=subprocess.DEVNULL)
                print("wrote", os.path.relpath(out, ROOT))


if __name__ == "__main__":
    main()
