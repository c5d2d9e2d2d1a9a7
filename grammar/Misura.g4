// The grammar of Misura, the language of a Sistema di misurazione e
// valutazione della performance. Keywords are Italian; see docs/linguaggio.md.
//
// Conventions:
//  - every alternative that the AST builder distinguishes has a label;
//  - keywords that a segretario may also want as a name (termine, peso,
//    data, ...) are "soft": the rule `nome` accepts them as identifiers;
//  - the lexer never fails: an unknown character becomes CARATTERE_ERRATO,
//    which the parser reports as a syntax error with its location.
grammar Misura;

// A module file starts with its header (`modulo a.b "titolo"`); a
// regolamento has none. See docs/linguaggio.md, § 13.
programma : intestazioneModulo? dichiarazione* EOF ;

intestazioneModulo : 'modulo' nomeModulo TESTO vigenza? ;

// `legge.dl_13_2023`: the file legge/dl_13_2023.misura on the search path.
nomeModulo : nome ('.' nome)* ;

// The period in which a module (or any block that carries it) is in force.
vigenza : 'vigente' 'dal' DATA ('al' DATA)? ;

dichiarazione
  : 'ente' TESTO                                                   # DichEnte
  | 'anno' NUMERO                                                  # DichAnno
  | 'personale' 'da' TESTO opzioneFile* '{' voceStaff* '}'         # DichPersonale
  | 'dati' nome 'da' TESTO opzioneFile* chiave? unicita? '{' (campo | controllo)* '}'  # DichDati
  | 'indicatore' nome '(' (parametro (SEP parametro)*)? ')'
        'su' parametro '=' espr                                    # DichIndicatore
  | 'profilo' nome TESTO? '{' voceProfilo* '}'                     # DichProfilo
  | 'obiettivo' codice TESTO '{' voceObiettivo* '}'                # DichObiettivo
  // Objectives from the rows of a table keyed by objective (the PEG sheet):
  // one objective per code, the body read with that code's row.
  | 'obiettivi' 'da' nome ('dove' espr)? '{' voceObiettiviDaDati* '}'  # DichObiettiviDaDati
  | 'comportamenti' 'per' nome (SEP nome)* '{' voceCatalogo* '}'   # DichComportamenti
  | 'fondo' nome TESTO? '{' voceFondo* '}'                         # DichFondo
  | 'prova' TESTO '{' voceProva* '}'                               # DichProva
  | 'usa' nomeModulo                                               # DichUsa
  | 'requisito' nome TESTO '{' voceRequisito* '}'                  # DichRequisito
  | 'ruolo' nome TESTO? '=' membriRuolo                            # DichRuolo
  | 'dichiara' nome TESTO                                          # DichDichiara
  // A named value, computed per person, and a pure function (docs/linguaggio.md § 5).
  | 'valore' nome '=' espr                                         # DichValore
  | 'funzione' nome '(' (parametro (SEP parametro)*)? ')' '=' espr  # DichFunzione
  // A dated clause (docs/linguaggio.md § 4, «Clausole datate»): the
  // declaration applies only in the evaluation years the prefix names.
  | clausolaTempo ':' dichiarazione                                # DichDatata
  | 'graduatoria' nome TESTO? '{' voceGraduatoria* '}'             # DichGraduatoria
  ;

// `dal 2024`, `dal 2023 al 2025`, `fino al 2023`, `nel 2024`, or with dates:
// `dal 01/07/2024`, `fino al 30/06/2024`.
clausolaTempo
  : 'dal' limiteTempo ('al' limiteTempo)?                          # ClausolaDal
  | 'fino' 'al' limiteTempo                                        # ClausolaFinoAl
  | 'nel' NUMERO                                                   # ClausolaNel
  ;

limiteTempo : NUMERO | DATA ;

opzioneFile
  : 'codifica' TESTO                                               # OpzCodifica
  | 'separatore' TESTO                                             # OpzSeparatore
  | 'foglio' TESTO                                                 # OpzFoglio
  | ('decimali' | 'decimale') TESTO                                # OpzDecimali
  | 'intestazione' 'riga' NUMERO                                   # OpzIntestazione
  // Placeholders the office writes for a missing value: `non rilevato "n.v.", "-"`.
  | 'non' 'rilevato' TESTO (SEP TESTO)*                            # OpzNonRilevato
  ;

// `chiave (settore, obiettivo)`, or one column without parentheses: `chiave ambito`.
chiave : 'chiave' ('(' nome (SEP nome)* ')' | nome) ;

campo : nome tipo (attributo=('chiave' | 'opzionale') | proprietaCampo)* ;

// What a field declares besides its type: its column in the file, the
// values it admits (checked at load), or, in a wide sheet, one column per code.
proprietaCampo
  : 'colonna' TESTO                                                # ColonnaCampo
  | 'intero'                                                       # InteroCampo
  | 'da' inf=limite exInf='escluso'? ('a' sup=limite exSup='escluso'?)?  # IntervalloCampo
  | 'fino' 'a' sup=limite exSup='escluso'?                         # FinoACampo
  | 'non' 'negativo'                                               # NonNegativoCampo
  // `voto numero per comportamento { C1 colonna "K1"  C2 colonna "K2" }`
  | 'per' nome '{' colonnaCodice* '}'                              # PerCodice
  ;

limite : '-'? NUMERO unita? ;

colonnaCodice : codice 'colonna' TESTO ;

// `controlla part_time <= 1 "il part-time è una frazione"`: a condition every row meets.
controllo : 'controlla' espr TESTO ;

// `unico (matricola, obiettivo)`: no two rows of a register with the same values.
unicita : 'unico' '(' nome (SEP nome)* ')' ;

// An objective, phase or behaviour code: a name, or as the office writes it ("AG-1").
codice : nome | TESTO ;

// A line of the staff list: a field, or the date fields of the service period
// (either end may be missing: the year's first or last day).
voceStaff
  : campo                                                          # CampoStaff
  | 'servizio' ('dal' dal=nome ('al' al=nome)? | 'al' al=nome)   # Servizio
  // `profilo = se incarico_eq allora "responsabile" altrimenti "dipendente"`
  | nome '=' espr                                                  # CampoDerivato
  | controllo                                                      # ControlloStaff
  ;

tipo
  : 'testo' | 'numero' | 'percentuale' | 'punti' | 'euro'
  | 'data' | 'giorni' | 'booleano'
  ;

parametro : nome ':' tipo ;

voceProfilo
  : 'componente' nome TESTO? 'fino' 'a' NUMERO 'punti' fonteComponente temi? pesiComponente* arrotondamento*  # Componente
  | 'totale' arrotondamento                                        # TotaleArrotondato
  | 'fasce' '{' fascia+ '}'                                        # Fasce
  | 'premio' '=' espr arrotondamento?                              # Premio
  | 'premio' 'da' 'fondo' nome                                     # PremioDaFondo
  | 'non' 'valutato' TESTO                                         # NonValutato
  | 'non' 'valutato' 'se' espr TESTO                               # NonValutatoSe
  | 'servizio' 'minimo' NUMERO 'giorni'                            # ServizioMinimo
  // The premio computed by `premio = ...` is paid from a budget line
  // declared as a `fondo` (its stanziato, distribuito, economia reported).
  | 'premio' 'a' 'carico' 'del' 'fondo' nome                       # PremioACarico
  // Several premi per person (issue 13, item 3): the premio is the sum of
  // its parts, each computed or drawn from its own fund.
  | 'parte' nome TESTO? '=' espr arrotondamento?                   # ParteCalcolata
  | 'parte' nome TESTO? 'da' 'fondo' nome                          # ParteDaFondo
  | clausolaTempo ':' voceProfilo                                  # VoceProfiloDatata
  ;

fonteComponente
  : 'da' 'obiettivi'                                               # DaObiettivi
  | 'da' 'comportamenti'                                           # DaComportamenti
  | '=' espr                                                       # DaEspressione
  ;

// How a component weighs (docs/linguaggio.md, § 4): `con pesi relativi`
// (weights need not add up to 100), `a pari peso` (every objective the same
// weight, no `peso` lines); then, if the text rounds it, `arrotondato ...`.
// (The weights come first: after `arrotondato`, an `a` is always `a N decimali`.)
pesiComponente
  : 'con' 'pesi' 'relativi'                                        # PesiRelativi
  | 'a' 'pari' 'peso'                                              # PariPeso
  ;

arrotondamento : 'arrotondato' ('a' NUMERO 'decimali')? modoArrotondamento? ;

modoArrotondamento
  : 'per' 'difetto'                                                # PerDifetto
  | 'per' 'eccesso'                                                # PerEccesso
  | 'al' 'pari'                                                    # AlPari
  ;

fascia
  : TESTO 'da' NUMERO ('a' NUMERO)? 'punti'? '->' NUMERO '%'       # FasciaIntervallo
  | TESTO 'altrimenti' '->' NUMERO '%'                             # FasciaAltrimenti
  ;

// A bonus fund shared among the persons whose profile says `premio da fondo`.
voceFondo
  : 'importo' NUMERO 'euro'                                        # ImportoFondo
  | 'quota' '=' espr                                               # QuotaFondo
  | 'ripartizione' modoRipartizione                                # Ripartizione
  // art. 81 CCNL Funzioni Locali 16.11.2022: `maggiorazione 30% ai primi 10%`
  | 'maggiorazione' NUMERO '%' 'ai' 'primi' NUMERO '%'              # MaggiorazioneFondo
  // Each member gets unit x quota (the quota a coefficient); the rest is economia.
  | 'quota' 'unitaria' NUMERO 'euro'                               # QuotaUnitaria
  // the unit read from the data: `quota unitaria = fondo_voci.importo di "Quota unitaria"`
  | 'quota' 'unitaria' '=' espr                                    # QuotaUnitariaCalcolata
  // A cap per person: the excess is economia.
  | 'massimo' NUMERO 'euro' 'per' 'persona'                        # MassimoFondo
  | clausolaTempo ':' voceFondo                                    # VoceFondoDatata
  // art. 81 with the beneficiaries of a graduatoria: `maggiorazione 30% ai vincitori di art81`
  | 'maggiorazione' NUMERO '%' 'ai' 'vincitori' 'di' nome          # MaggiorazioneVincitori
  // ties (equal remainders, the art. 81 cut): `a parità ordine totale decrescente, matricola`
  | 'a' 'parità' 'ordine' chiaveOrdine (SEP chiaveOrdine)*         # ParitaFondo
  // art. 81 as the contratto integrativo writes it: base, rounding, funding.
  | 'maggiorazione' NUMERO '%' 'ai' 'vincitori' 'di' nome '{' voceMaggiorazione* '}'  # MaggiorazioneDichiarata
  // the amount read from the data: `importo = fondi.importo di "2024"`
  | 'importo' '=' espr                                             # ImportoFondoCalcolato
  ;

// One line of a declared art. 81 maggiorazione.
voceMaggiorazione
  : 'base' 'premio' 'medio'                                        # BasePremioMedio
  | 'base' 'importo' 'diviso' 'valutati'                           # BaseImportoDivisoValutati
  | 'arrotondata' 'al' 'centesimo' modoArrotondamento?             # MaggiorazioneArrotondata
  | 'a' 'carico' 'del' 'fondo'                                     # ACaricoDelFondo
  | 'in' 'aggiunta' 'al' 'fondo'                                   # InAggiuntaAlFondo
  ;

modoRipartizione
  : 'al' 'centesimo'                                               # AlCentesimo
  | 'per' 'difetto'                                                # RipartizionePerDifetto
  ;

voceObiettivo
  : 'assegnato' 'a' assegnazione                                   # Assegnato
  // `peso 35 per profilo P` / `per "0103"` / `per personale dove C`: the first
  // matching line in writing order wins, else the plain `peso N`.
  // or a weight per person from the data: `peso = assegnazioni.peso`
  // (one alternative, so that a missing number is reported as such)
  | 'peso' (NUMERO ('per' assegnazione)? | '=' espr)               # Peso
  | 'termine' (DATA | '=' espr)                                    # Termine
  // `su rilevazioni.valore` (the row of this person/objective) or any
  // expression in the person's context: `su conta(fatture dove ...) / conta(fatture)`.
  | 'misura' nome '(' (espr (SEP espr)*)? ')' 'su' espr             # Misura
  | 'fonte' TESTO                                                  # Fonte
  | 'se' 'non' 'rilevato' ':'? esitoMancante                       # SeNonRilevato
  | 'valutato' ('nel' | 'negli' 'anni') NUMERO (SEP NUMERO)*       # ValutatoNel
  | 'fasi' '{' fase* '}'                                           # Fasi
  | temi                                                           # TemaObiettivo
  // The component it counts in, when the profile has several `da obiettivi`.
  | 'componente' nome                                              # ComponenteObiettivo
  // Counts only for the money: its esito is read by the premio, not scored.
  | 'solo' 'per' 'il' 'premio'                                     # SoloPremio
  // Its share of the premio, read as `quota` in `somma per ogni obiettivo (...)`.
  | 'quota' NUMERO '%'                                             # QuotaObiettivo
  | clausolaTempo ':' voceObiettivo                                # VoceObiettivoDatata
  ;

// The body of `obiettivi da TABELLA`: an objective's lines, and its title
// computed from the row (`titolo = peg.descrizione`).
voceObiettiviDaDati
  : 'titolo' '=' espr                                              # TitoloDaDati
  | voceObiettivo                                                  # VoceDaDati
  ;

// A milestone of an objective: `F1 "Bozza" peso 40 termine 15/01/2024`.
fase : codice TESTO 'peso' NUMERO 'termine' DATA ;

// The themes of an objective, component or behaviour: what legal
// requirement it implements (`tema tempi_pagamento`).
temi : 'tema' nome (SEP nome)* ;

esitoMancante
  : 'neutralizzato'                                                # Neutralizzato
  | espr                                                           # EsitoFisso
  ;

assegnazione
  : 'tutti'                                                        # ATutti
  | 'profilo' nome (SEP nome)*                                     # AProfili
  | matricola (SEP matricola)*                                     # AMatricole
  | 'personale' 'dove' espr                                        # ADove
  ;

// A matricola of `assegnato a`, with the part of the year it is assigned for.
matricola : TESTO periodo? ;

periodo
  : 'fino' 'al' DATA                                               # FinoAl
  | 'dal' DATA ('al' DATA)?                                        # DalAl
  ;

// A worked case (`misura prova`): with the data of a folder, a person's
// expected results.
voceProva
  : 'dati' TESTO                                                   # ProvaDati
  | 'persona' TESTO                                                # ProvaPersona
  // the evaluation year of the prova, as with `--anno`
  | 'anno' NUMERO                                                  # ProvaAnno
  | 'attendi' attesa                                               # ProvaAttendi
  ;

attesa
  : 'totale' '=' espr                                              # AttesoTotale
  | 'fascia' '=' espr                                              # AttesaFascia
  | 'premio' '=' espr                                              # AttesoPremio
  | 'componente' nome '=' espr                                     # AttesaComponente
  | 'esito' codice '=' esitoMancante                               # AttesoEsito
  | 'non' 'valutato' TESTO?                                        # AttesoNonValutato
  // not admitted to graduatoria G (`ammessi se` / `escluso se "motivo"`)
  | 'escluso' 'da' nome TESTO?                                     # AttesoEscluso
  | 'errore' nome                                                  # AttesoErrore
  | 'posizione' nome '=' espr                                      # AttesaPosizione
  | 'vincitore' nome                                               # AttesoVincitore
  | 'non' 'vincitore' nome                                         # AttesoNonVincitore
  ;

// A ranking of persons (`graduatoria`, docs/linguaggio.md): who is ranked,
// who is admitted, the ordering keys, the groups and the places per group.
voceGraduatoria
  : 'tra' assegnazione                                             # TraGraduatoria
  | 'ammessi' 'se' espr                                            # AmmessiGraduatoria
  // A reason of exclusion, published with the graduatoria: the first that holds.
  | 'escluso' 'se' espr TESTO                                      # EsclusoGraduatoria
  // What legal requirement it implements (`tema differenziali`).
  | temi                                                           # TemaGraduatoria
  // Persons not evaluated this year compete too (their totale is non rilevato).
  | 'compresi' 'i' 'non' 'valutati'                                # CompresiNonValutati
  | 'ordine' chiaveOrdine (SEP chiaveOrdine)*                      # OrdineGraduatoria
  | 'gruppi' 'per' espr                                            # GruppiGraduatoria
  | 'posti' NUMERO percento='%'? concorrenti? ('arrotondati' conteggio)? (SEP? 'almeno' minimo=NUMERO)?  # PostiGraduatoria
  ;

// `posti 10% dei concorrenti`: the share counts every person of `tra`, admitted or not.
concorrenti
  : 'dei' 'concorrenti'
  ;

// One ordering key: `totale decrescente`, `componente comportamenti decrescente`,
// `assunzione crescente`, `matricola` (numbers in numeric order).
chiaveOrdine
  : 'componente' nome verso=('crescente' | 'decrescente')?         # ChiaveComponente
  // `voto_2024 decrescente, non rilevati in fondo`: who has no value comes after everyone.
  | espr verso=('crescente' | 'decrescente')? (SEP? inFondo='non' 'rilevati' 'in' 'fondo')?  # ChiaveEspressione
  ;

// How a share of a group's size becomes a number of places.
conteggio
  : 'per' 'difetto'                                                # ContaPerDifetto
  | 'per' 'eccesso'                                                # ContaPerEccesso
  | 'al' 'più' 'vicino' (SEP? 'metà' 'per' meta=('difetto' | 'eccesso'))?  # ContaAlPiuVicino
  ;

livello : TESTO '->' NUMERO ;

voceCatalogo
  : 'scala' 'da' NUMERO 'a' NUMERO                                 # Scala
  // A scale of levels with descriptors: `scala { "Adeguato" -> 2 ... }`;
  // the ratings in the data are the level names.
  | 'scala' '{' livello+ '}'                                       # ScalaLivelli
  | 'voti' 'da' nome '.' nome                                      # Voti
  | codice TESTO 'peso' NUMERO temi?                               # Comportamento
  // Votes must be whole numbers / whole or half points (checked on the data).
  | 'voti' 'interi'                                                # VotiInteri
  | 'voti' 'a' 'mezzi' 'punti'                                     # VotiMezzi
  // The points of an item as written: `punteggio = peso * (voto - 1) / 9`.
  | 'punteggio' '=' espr                                           # Punteggio
  ;

// Precedence: earlier alternatives bind tighter.
espr
  : '(' espr ')'                                                   # Parentesi
  // `arrotonda(x, 0, per difetto)`: a rounding mode as the last argument.
  | nome '(' (espr (SEP espr)*)? (SEP modoArrotondamento)? ('dove' dove=espr)? ')'  # Chiamata
  // a lookup by an explicit key: `fondi.importo di "2024"`, `t.c di (PIAO, "2024")`
  | nome '.' nome 'di' chiaveRiga                                  # RiferimentoChiave
  | nome ('.' nome ('di' codice)?)?                                # Riferimento
  | NUMERO unita?                                                  # Numero
  | DATA                                                           # LetteraleData
  | TESTO                                                          # LetteraleTesto
  | valore=('vero' | 'falso')                                      # Booleano
  | '-' espr                                                       # Negazione
  | espr op=('*' | '/') espr                                       # Moltiplicativa
  | espr op=('+' | '-') espr                                       # Additiva
  | espr op=('<' | '<=' | '>' | '>=' | '=' | '<>') espr            # Confronto
  | 'non' espr                                                     # Non
  | espr 'e' espr                                                  # Congiunzione
  | espr 'o' espr                                                  # Disgiunzione
  | 'se' espr 'allora' espr 'altrimenti' espr                      # Condizionale
  | 'scaglioni' espr '{' scaglione* '}'                            # Scaglioni
  // A fold over the person's objectives: `somma per ogni obiettivo (quota * esito)`.
  | 'somma' 'per' 'ogni' 'obiettivo' 'assegnato'? '(' espr ')'     # SommaObiettivi
  ;

// The key values of the row a lookup reads, for the key columns that the
// context does not give: text or number for a free column, a code for `obiettivo`.
chiaveRiga
  : TESTO                                                          # ChiaveTesto
  | NUMERO                                                         # ChiaveNumero
  | '(' valoreChiave (SEP valoreChiave)* ')'                       # ChiaveElenco
  ;

valoreChiave : TESTO | NUMERO | nome ;

// A line of a step table: the first line met by the value gives the result.
scaglione
  : 'da' soglia '->' risultato                                     # ScaglioneDa
  | 'fino' 'a' soglia '->' risultato                               # ScaglioneFinoA
  | TESTO '->' risultato                                           # ScaglioneTesto
  | 'altrimenti' '->' risultato                                    # ScaglioneAltrimenti
  ;

soglia : NUMERO unita? | DATA ;

risultato : NUMERO unita? ;

unita : '%' | 'punti' | 'punto' | 'euro' | 'giorni' | 'giorno' ;

// A legal requirement (docs/linguaggio.md § 14): what the law asks of the
// regolamento, checked by `misura verifica --anno`.
voceRequisito
  : 'citazione' TESTO                                              # Citazione
  | vigenza                                                        # VigenzaRequisito
  | 'livello' 'avviso'                                             # LivelloAvviso
  | 'si' 'applica' 'a' destinatari                                 # SiApplica
  | 'richiede' richiesta                                           # Richiede
  | 'avviso' 'se' 'indicatore' 'diverso' 'da' nome TESTO           # AvvisoIndicatore
  | 'avviso' 'se' 'senza' 'soglia' TESTO                           # AvvisoSoglia
  ;

destinatari
  : 'tutti'                                                        # DestinatariTutti
  | 'ruolo' nome                                                   # DestinatariRuolo
  ;

richiesta
  : 'obiettivo' 'con' 'tema' nome sogliaPeso?                      # RichiestaObiettivo
  | 'elemento' 'con' 'tema' nome sogliaPeso?                       # RichiestaElemento
  | 'componente' 'da' fonte=('obiettivi' | 'comportamenti') sogliaPeso?  # RichiestaComponente
  | 'maggiorazione' 'almeno' NUMERO '%'                            # RichiestaMaggiorazione
  | 'maggiorazione' 'a' 'quota' 'limitata'                         # RichiestaQuotaLimitata
  | 'dichiarazione' nome                                           # RichiestaDichiarazione
  // A graduatoria of the theme (`tema differenziali`), selective (`e posti`)
  // or with admission rules (`e requisiti`): art. 14 CCNL 16.11.2022.
  | 'graduatoria' 'con' 'tema' nome ('e' aspetto=('posti' | 'requisiti'))?  # RichiestaGraduatoria
  ;

sogliaPeso : 'peso' 'effettivo' confronto=('almeno' | 'oltre') NUMERO '%' ;

// Who a role of the regolamento is: the parameter a requirement's
// `si applica a ruolo NOME` leaves to the ente.
membriRuolo
  : 'nessuno'                                                      # RuoloNessuno
  | 'tutti'                                                        # RuoloTutti
  | 'profilo' nome (SEP nome)*                                     # RuoloProfili
  | TESTO (SEP TESTO)*                                             # RuoloMatricole
  // Who meets a condition on the staff fields: `personale dove liquida_fatture`.
  | 'personale' 'dove' espr                                        # RuoloDove
  ;

// Keywords usable as names where a name is expected.
nome
  : ID
  | 'testo' | 'numero' | 'percentuale' | 'punti' | 'punto' | 'euro' | 'data'
  | 'giorni' | 'giorno' | 'booleano' | 'termine' | 'peso' | 'fonte' | 'scala'
  | 'voti' | 'totale' | 'premio' | 'fasce' | 'chiave' | 'opzionale'
  | 'codifica' | 'separatore' | 'tutti' | 'personale' | 'dati' | 'profilo'
  | 'misura' | 'obiettivi' | 'comportamenti' | 'decimali' | 'difetto'
  | 'eccesso' | 'pari' | 'valutato' | 'rilevato' | 'neutralizzato'
  | 'componente' | 'indicatore' | 'obiettivo' | 'ente' | 'anno'
  | 'prova' | 'persona' | 'attendi' | 'esito' | 'errore' | 'fascia'
  | 'arrotondato' | 'assegnato' | 'fondo' | 'importo' | 'quota' | 'ripartizione'
  | 'centesimo' | 'maggiorazione' | 'ai' | 'primi' | 'di'
  | 'servizio' | 'dal' | 'al' | 'minimo' | 'fino' | 'scaglioni'
  | 'nel' | 'negli' | 'anni' | 'fasi'
  | 'usa' | 'modulo' | 'vigente' | 'requisito' | 'ruolo' | 'citazione'
  | 'livello' | 'avviso' | 'si' | 'applica' | 'richiede' | 'diverso' | 'elemento'
  | 'con' | 'tema' | 'effettivo' | 'almeno' | 'oltre' | 'nessuno'
  | 'dichiara' | 'dichiarazione' | 'senza' | 'soglia'
  | 'foglio' | 'decimale' | 'intestazione' | 'riga'
  | 'colonna' | 'intero' | 'escluso' | 'negativo' | 'unico' | 'controlla'
  | 'pesi' | 'relativi' | 'solo' | 'il' | 'ogni' | 'somma' | 'interi' | 'mezzi' | 'titolo'
  | 'compresi' | 'i' | 'requisiti' | 'rilevati'
  | 'punteggio' | 'valore' | 'funzione'
  | 'carico' | 'del' | 'unitaria' | 'massimo' | 'parte'
  | 'graduatoria' | 'tra' | 'ammessi' | 'ordine' | 'gruppi' | 'posti'
  | 'arrotondati' | 'crescente' | 'decrescente' | 'più' | 'vicino' | 'metà'
  | 'posizione' | 'vincitore' | 'vincitori' | 'parità'
  | 'base' | 'medio' | 'diviso' | 'valutati' | 'arrotondata'
  | 'in' | 'aggiunta' | 'limitata' | 'dei' | 'concorrenti'
  ;

SEP : ',' | ';' ;

// A date: 31/12/2024 or 31.12.2024.
DATA
  : CIFRA CIFRA? '/' CIFRA CIFRA? '/' CIFRA CIFRA CIFRA CIFRA
  | CIFRA CIFRA? '.' CIFRA CIFRA? '.' CIFRA CIFRA CIFRA CIFRA
  ;

// Italian numbers: decimal comma, optional '.' thousands groups (1.234,56).
NUMERO
  : CIFRA+ (',' CIFRA+)?
  | CIFRA CIFRA? CIFRA? ('.' CIFRA CIFRA CIFRA)+ (',' CIFRA+)?
  ;

TESTO : '"' ( '\\' . | ~["\\\r\n] )* '"' ;

ID : [\p{L}_] [\p{L}\p{N}_]* ;

COMMENTO : '#' ~[\r\n]* -> skip ;
SPAZIO : [ \t\r\n\u00A0\uFEFF]+ -> skip ;

fragment CIFRA : [0-9] ;

CARATTERE_ERRATO : . ;
