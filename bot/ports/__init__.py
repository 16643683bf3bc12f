"""What the core needs from the outside world, as abstract ports, one module per concern.

Storage implements the unit of work and repositories (`storage`, `people`, `shifts`, `tasks`,
`notices`); each adapter implements a Messenger (`messenger`); the core reads the time from a
Clock (`clock`). Tests implement fakes that subclass these and record what happened.
"""
